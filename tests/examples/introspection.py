import re
from pathlib import Path

from tests.checks import check

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets" / "introspection"


def line_of(script, text):
    """The number of the first line of a snippet that contains `text`."""
    lines = (SNIPPETS / script).read_text().splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


@check("introspection/current_and_all_tasks.py")
def _(run):
    # Each worker reads its own name through current_task(); all_tasks() holds every unfinished
    # task, main included (sorted by the example, a set has no order); a finished task drops
    # out; a plain callback runs in no task.
    assert run.lines == [
        "fetch-users started",
        "fetch-orders started",
        "fetch-orders: runs worker(), done=False",
        "fetch-users: runs worker(), done=False",
        "main: runs main(), done=False",
        "after fetch-users finished: ['fetch-orders', 'main']",
        "current_task() in a plain callback: None",
    ]


@check("introspection/stuck_task_stack.py")
def _(run):
    # print_stack() shows one frame only: the task's own coroutine at its await; following
    # cr_await reaches the coroutine really waiting (Event.wait); a cancelled task has no stack.
    lines = run.lines
    assert lines[0] == "request-7 is stuck; print_stack() shows:"
    assert lines[1].startswith("Stack for <Task pending name='request-7'")
    assert lines[1].endswith("(most recent call last):")
    assert re.fullmatch(r'  File ".*stuck_task_stack\.py", line \d+, in handle_request', lines[2])
    assert lines[3] == "    await call_service(reply_ready)"
    assert lines[4] == "get_stack() returned 1 frame"
    assert lines[5] == "following cr_await instead:"
    chain = [re.fullmatch(r"  (\S+)\(\) at (\S+):(\d+)", line) for line in lines[6:10]]
    script = "stuck_task_stack.py"
    assert [(m[1], m[2]) for m in chain] == [
        ("handle_request", script),
        ("call_service", script),
        ("read_reply", script),
        ("Event.wait", "locks.py"),
    ]
    # Each coroutine of the example is at the await that leads to the next one.
    assert [int(m[3]) for m in chain[:3]] == [
        line_of(script, "await call_service(reply_ready)"),
        line_of(script, "await read_reply(reply_ready)"),
        line_of(script, "await reply_ready.wait()"),
    ]
    assert lines[10:] == ["after cancel, get_stack() returns []"]


@check("introspection/watchdog_dump.py")
def _(run):
    # Both transfers hold their first lock and wait for the other's: the watchdog sees no
    # progress, dumps every task but itself (sorted by name) down to Lock.acquire, and main
    # then cancels the transfers.
    lines = run.lines
    assert lines[:3] == [
        "a-to-b holds its first lock",
        "b-to-a holds its first lock",
        "watchdog: no progress for 0.3 s, dumping tasks",
    ]
    # Both transfers wait at the "async with second:" line, main at "await dog".
    script = "watchdog_dump.py"
    stuck_at = f"    transfer() at {script}:{line_of(script, 'async with second:')}"
    assert [line for line in lines if line.startswith("    transfer()")] == [stuck_at] * 2
    assert f"    main() at {script}:{line_of(script, 'await dog')}" in lines
    dump = [re.sub(r":\d+$", "", line) for line in lines[3:-1]]
    stuck = [
        "    transfer() at watchdog_dump.py",
        "    _ContextManagerMixin.__aenter__() at locks.py",
        "    Lock.acquire() at locks.py",
    ]
    assert dump == [
        "task a-to-b:",
        *stuck,
        "task b-to-a:",
        *stuck,
        "task main:",
        "    main() at watchdog_dump.py",
    ]
    assert not any("watchdog()" in line for line in lines)
    assert lines[-1] == "transfers cancelled: ['CancelledError', 'CancelledError']"


@check("introspection/call_graph.py")
def _(run):
    # Python 3.14+: the graph of call-service shows its coroutine stack innermost first, then
    # the task that awaits it (request-7, in TaskGroup._aexit() called by __aexit__() at its
    # async with line), then the one awaiting that (main, at "await request").
    # capture_call_graph() gives the same chain as data.
    task = r"\* Task\(name='{}', id=0x[0-9a-f]+\)"
    frame = r"  \|   File '.*{}', line \d+, in async {}\(\)"
    expected = [
        task.format("call-service"),
        r"  \+ Call stack:",
        frame.format("locks.py", r"Event\.wait"),
        frame.format("call_graph.py", "read_reply"),
        frame.format("call_graph.py", "call_service"),
        r"  \+ Awaited by:",
        "    " + task.format("request-7"),
        r"      \+ Call stack:",
        "    " + frame.format("taskgroups.py", r"TaskGroup\._aexit"),
        "    " + frame.format("taskgroups.py", r"TaskGroup\.__aexit__"),
        "    " + frame.format("call_graph.py", "handle_request"),
        r"      \+ Awaited by:",
        "        " + task.format("main"),
        r"          \+ Call stack:",
        "        " + frame.format("call_graph.py", "main"),
        r"awaited by: call-service <- request-7 <- main",
    ]
    lines = run.lines
    assert len(lines) == len(expected), lines
    for pattern, line in zip(expected, lines, strict=True):
        assert re.fullmatch(pattern, line), (pattern, line)
    script = "call_graph.py"
    at = {}
    for line in lines:
        if m := re.search(r"line (\d+), in async (\w+)\(\)$", line):
            at[m[2]] = int(m[1])
    assert at["handle_request"] == line_of(script, "async with asyncio.TaskGroup()")
    assert at["main"] == line_of(script, "await request")
