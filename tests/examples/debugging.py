"""Checks for the debugging chapter: debug mode and the problems it reports."""

import re

from tests.checks import check


@check("debugging/debug_switches.py")
def _(run):
    lines = run.lines
    # Each switch turns debug mode on by itself (PYTHONASYNCIODEBUG: any value that is not
    # empty, 0 included); an explicit debug=False wins over -X dev.
    assert lines == [
        f"{label:32} -> debug mode {mode}"
        for label, mode in [
            ("plain run", False),
            ("PYTHONASYNCIODEBUG=1", True),
            ("PYTHONASYNCIODEBUG=0", True),
            ("python -X dev", True),
            ("asyncio.run(main(), debug=True)", True),
            ("python -X dev, but debug=False", False),
        ]
    ]


@check("debugging/thread_safety_check.py")
def _(run):
    # The thread-safe call works; in debug mode, the plain one raises at once.
    assert run.lines == [
        "event loop: call_soon_threadsafe() callback ran",
        "main: call_soon() in the worker thread raised RuntimeError: "
        "Non-thread-safe operation invoked on an event loop other than the current one",
    ]


@check("debugging/slow_callback.py")
def _(run):
    # Here the slow-step reports are the lesson: all_lines keeps them.
    lines = run.all_lines
    report = re.compile(r"WARNING:asyncio: Executing <Task (.*)> took (\d+\.\d+) seconds")
    assert [line for line in lines if not report.fullmatch(line)] == [
        "debug mode: True",
        "slow_callback_duration: 0.1 seconds",
        "blocking_step: calling time.sleep(0.2)",
        "blocking_step: done",
        "main: done",
    ]
    # The step that blocked is reported once, after it ends, with the task's name and its
    # time. (On a busy machine another step may be reported too; that one is not asserted.)
    blocking = [
        (i, m)
        for i, m in enumerate(map(report.fullmatch, lines))
        if m and "name='blocking-step'" in m[1]
    ]
    assert len(blocking) == 1
    index, match = blocking[0]
    assert lines.index("blocking_step: done") < index < lines.index("main: done")
    assert float(match[2]) >= 0.2
    # "Shows as finished": the report comes after the task's last step.
    assert match[1].startswith("finished name='blocking-step' ")
    assert "coro=<blocking_step() done, defined at " in match[1]


@check("debugging/never_awaited.py")
def _(run):
    off, on = "\n".join(run.lines).split("--- debug mode on\n")
    off_lines = off.splitlines()
    on_lines = on.splitlines()
    warning = re.compile(
        r"snippets/debugging/never_awaited\.py:(\d+): "
        r"RuntimeWarning: coroutine 'notify' was never awaited"
    )
    # The coroutine body never ran: nothing was printed by notify().
    assert "notify:" not in run.text
    # Without debug mode: the warning names only the line where the coroutine was destroyed.
    assert off_lines[0] == "--- debug mode off"
    assert warning.fullmatch(off_lines[1])
    assert off_lines[2].strip().startswith("del reminder")
    assert len(off_lines) == 3
    # With debug mode: the same warning, plus where the coroutine was created.
    assert warning.fullmatch(on_lines[0])
    assert on_lines[1] == "Coroutine created at (most recent call last)"
    # The stack starts at the asyncio.run() call of the script...
    assert on_lines[2].endswith(", in <module>")
    assert on_lines[3].strip() == "asyncio.run(main(), debug=True)"
    # ...and ends in main(), at the line missing its await.
    assert on_lines[-3].endswith(", in main")
    assert on_lines[-2].strip().startswith('reminder = notify("backup finished")')
    assert on_lines[-1].strip().startswith("del reminder")


@check("debugging/exception_never_retrieved.py")
def _(run):
    off, on = run.text.split("--- debug mode on\n")
    off_lines = off.splitlines()
    on_lines = on.splitlines()
    future = re.compile(
        r"future: <Task finished name='Task-\d+' coro=<fail\(\) done, defined at "
        r".*exception=ValueError\('something went wrong'\).*>"
    )
    for lines in off_lines[1:], on_lines:
        # While main() holds the finished task, nothing is reported; the report comes
        # when the last reference goes, before main() goes on.
        assert lines[0] == "main: task done? True; dropping the last reference"
        assert lines[1] == "ERROR:asyncio: Task exception was never retrieved"
        assert future.fullmatch(lines[2])
        # The traceback of the exception itself, pointing at the raise in fail().
        created = lines.index("Traceback (most recent call last):")
        assert lines[created + 1].endswith(", in fail")
        assert lines[-2:] == ["ValueError: something went wrong", "main: finished"]
    # Without debug mode: reported all the same, with no word on where the task was made.
    assert off_lines[0] == "--- debug mode off"
    assert off_lines[4] == "Traceback (most recent call last):"
    assert "source_traceback" not in off
    # Debug mode adds where the task was created: main()'s create_task() line, then
    # asyncio's own create_task().
    assert on_lines[3] == "source_traceback: Object created at (most recent call last):"
    created = on_lines.index("Traceback (most recent call last):")
    stack = on_lines[3:created]
    assert stack[-4].endswith(", in main")
    assert stack[-3].strip().startswith("task = asyncio.create_task(fail())")
    assert re.search(r"asyncio[/\\]tasks\.py\", line \d+, in create_task$", stack[-2])
    # The "created at" on the future: line names that same file, asyncio's tasks.py.
    assert re.search(r" created at \S*asyncio[/\\]tasks\.py:\d+>$", on_lines[2])
    assert " created at " not in off_lines[3]
