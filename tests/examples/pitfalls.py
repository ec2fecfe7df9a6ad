"""Checks for the pitfalls chapter: each mistake's real symptom, and its fix."""

import itertools
import re

from tests.checks import check

# Times here are the examples' own measurements (time.monotonic() in the script), printed with
# one or two decimals. A blocking call or a sleep can only make a span longer, so the broken
# examples are checked with lower bounds and no slack. Where the page says a fix is faster, the
# check compares the fix's own measurement with the smallest time the broken version can take,
# which leaves room for a loaded machine.


def _seconds(line):
    """The numbers followed by " s" in a line, as floats."""
    return [float(x) for x in re.findall(r"(\d+\.\d+) s\b", line)]


NEVER_AWAITED = re.compile(
    r".*/forgotten_await\.py:\d+: RuntimeWarning: coroutine 'save' was never awaited"
)


@check("pitfalls/forgotten_await.py")
def _(run):
    # Nothing was saved: neither coroutine ran. Each of the two unrun coroutines gives one
    # warning, and the warning names the line where the list of coroutines was deleted, not the
    # line that forgot the await. (Under -X dev, as in the tests, debug mode adds a "Coroutine
    # created at" stack after each warning line; the build runs without it.)
    assert run.lines[0] == "saved: []"
    warnings = [i for i, line in enumerate(run.lines) if NEVER_AWAITED.fullmatch(line)]
    assert len(warnings) == 2
    assert not any("notify" in line or "'alice'" in line for line in run.lines)
    # The source line the standard warning format shows after each warning.
    shown = [line.strip() for line in run.lines if line.strip().startswith("del writes")]
    assert len(shown) == 2
    if "Coroutine created at (most recent call last)" in run.lines:
        # Debug mode: each stack ends at the list comprehension that created the coroutines
        # (on 3.11 twice: in main() and in the comprehension's own <listcomp> frame).
        created = [line for line in run.lines if "writes = [save(" in line]
        assert len(created) == (4 if run.python == (3, 11) else 2)


@check("pitfalls/forgotten_await_fixed.py")
def _(run):
    assert run.lines == ["saved: ['alice', 'bob']"]


SLOW_STEP = re.compile(
    r"WARNING:asyncio: Executing <Task finished name='fetch-(\w)' coro=<fetch\(\) done, "
    r"defined at .*/blocking_call\.py:\d+> result='\w' created at .*> took (\d+\.\d+) seconds"
)


@check("pitfalls/blocking_call.py")
def _(run):
    # Three steps of 0.2 s, one after the other: at least 0.6 s in all (time.sleep() never
    # returns early), and debug mode reports each of the three steps, in order, after it ends.
    # run.lines leaves out every "Executing ... took" report (on a loaded machine another step,
    # such as main()'s last one, may be reported after the final print); all_lines keeps them.
    assert len(run.lines) == 1
    assert run.lines[0].startswith("3 fetches of 0.2 s took ")
    assert _seconds(run.lines[0])[-1] >= 0.6
    slow = [SLOW_STEP.fullmatch(line) for line in run.all_lines]
    slow = [m for m in slow if m]
    assert [m.group(1) for m in slow] == ["a", "b", "c"]
    assert all(float(m.group(2)) >= 0.2 for m in slow)


@check("pitfalls/blocking_call_fixed.py")
def _(run):
    # The three sleeps and the thread overlap: about 0.2 s, less than the 0.6 s that three
    # blocking calls in a row can never beat.
    assert len(run.lines) == 1
    assert run.lines[0].startswith("3 fetches and 'config' took ")
    assert 0.2 <= _seconds(run.lines[0])[-1] < 0.6


@check("pitfalls/background_tasks.py")
def _(run):
    # The failure is reported when it happens (by the done callback, so no "Task exception was
    # never retrieved"), the long job is still running at 0.2 s, and aclose() leaves nothing.
    assert run.lines == [
        "sent to ann@example.com",
        "email-bob failed: ValueError(\"bad address 'bob'\")",
        "still running: ['email-cy']",
        "after aclose(): []",
    ]


@check("pitfalls/swallowed_cancel.py")
def _(run):
    # The same on every version: timeout() raises nothing and the block runs all four rounds;
    # the task group waits for the task that refused to stop before raising.
    assert run.lines[:2] == [
        "under timeout(0.15): ignored CancelledError, polling on",
        "under timeout(0.15): finished all 4 rounds",
    ]
    assert run.lines[2].startswith("no TimeoutError; the block ran ")
    assert run.lines[3:5] == [
        "in a task group: ignored CancelledError, polling on",
        "in a task group: finished all 4 rounds",
    ]
    assert run.lines[5].startswith("task group raised (ValueError('sibling failed'),) after ")
    assert len(run.lines) == 6
    # Round two is cut short at 0.15 s, rounds three and four take 0.1 s each: 0.35 s at least.
    assert _seconds(run.lines[2])[0] >= 0.35
    assert _seconds(run.lines[5])[0] >= 0.35


@check("pitfalls/swallowed_cancel_fixed.py")
def _(run):
    assert run.lines[0] == "under timeout(0.15): cancelled, stopping"
    assert run.lines[1].startswith("TimeoutError after ")
    assert run.lines[2] == "in a task group: cancelled, stopping"
    assert run.lines[3].startswith("task group raised (ValueError('sibling failed'),) after ")
    assert len(run.lines) == 4
    # Both stop at about 0.15 s, well before the 0.35 s the broken version needs.
    for line in run.lines[1], run.lines[3]:
        assert 0.15 <= _seconds(line)[0] < 0.35


@check("pitfalls/run_in_running_loop.py")
def _(run):
    # The error comes before the coroutine starts, and nothing closes it: it is freed unrun.
    assert run.lines[0] == "RuntimeError: asyncio.run() cannot be called from a running event loop"
    assert run.lines[1] == "RuntimeWarning: coroutine 'build_report' was never awaited"
    if len(run.lines) > 2:  # -X dev: debug mode adds where the coroutine was created
        assert run.lines[2] == "Coroutine created at (most recent call last)"
        assert run.lines[-1].strip() == "return asyncio.run(build_report())"


@check("pitfalls/run_in_running_loop_fixed.py")
def _(run):
    # Awaited, it runs on the loop's own thread; the wrapper runs in a default-executor thread.
    assert run.lines == ["report from MainThread", "report from asyncio_0"]


@check("pitfalls/unbounded_tasks.py")
def _(run):
    # Every item became a task before any of them ran, and all 200 "connections" were open at
    # the same time.
    assert run.lines == [
        "tasks waiting to run after the loop: 200",
        "peak open connections: 200",
    ]


@check("pitfalls/worker_pool.py")
def _(run):
    # Ten worker tasks, never more than 20 queued items, never more than ten connections.
    assert run.lines[0] == "tasks after the loop: 10"
    m = re.fullmatch(r"peak queue size: (\d+), peak open connections: (\d+)", run.lines[1])
    assert m and int(m.group(1)) <= 20 and int(m.group(2)) <= 10
    assert len(run.lines) == 2


@check("pitfalls/lock_held_too_long.py")
def _(run):
    # The lock is fair (first come, first served), so the tasks update in the order they
    # started, each one 0.21 s (request and save) after the one before.
    names = [line.split(":")[0] for line in run.lines[:3]]
    assert names == ["apple", "kiwi", "plum"]
    stamps = [_seconds(line)[0] for line in run.lines[:3]]
    for i, stamp in enumerate(stamps):
        assert stamp >= 0.21 * (i + 1)
    # Each update at least 0.21 s after the one before: the next task gets the lock only after
    # this one has printed, and then needs 0.21 s itself. Each printed value is rounded to two
    # decimals (off by up to 0.005), so the printed gap is at least 0.20.
    for before, after in itertools.pairwise(stamps):
        assert after - before >= 0.2 - 1e-9
    assert run.lines[3].startswith("3 updates took ")
    assert _seconds(run.lines[3])[0] >= 0.63
    assert len(run.lines) == 4


@check("pitfalls/lock_held_too_long_fixed.py")
def _(run):
    # The requests overlap; only the short saves take turns. The order of the three updates is
    # not guaranteed (three timers due at almost the same moment).
    assert sorted(line.split(":")[0] for line in run.lines[:3]) == ["apple", "kiwi", "plum"]
    assert run.lines[3].startswith("3 updates took ")
    assert 0.23 <= _seconds(run.lines[3])[0] < 0.63
    assert len(run.lines) == 4


@check("pitfalls/wrong_thread.py")
def _(run):
    # Debug mode off: the callback runs only when the 0.5 s timer wakes the loop, just before
    # main's own line. Debug mode on: call_soon() raises at once and nothing is scheduled.
    assert run.lines[0] == "--- debug mode off"
    m = re.fullmatch(r"call_soon\(\) at (\d+\.\d) s, callback ran at (\d+\.\d) s", run.lines[1])
    assert m
    called, ran = float(m.group(1)), float(m.group(2))
    assert called >= 0.1 and ran >= 0.5 and ran > called
    assert run.lines[2].startswith("main: timer fired at ")
    assert run.lines[3:5] == [
        "--- debug mode on",
        "worker: RuntimeError: Non-thread-safe operation invoked on an event loop other than "
        "the current one",
    ]
    assert run.lines[5].startswith("main: timer fired at ")
    assert len(run.lines) == 6


@check("pitfalls/wrong_thread_fixed.py")
def _(run):
    # The thread-safe call wakes the loop: the callback runs long before the 0.5 s timer, and
    # the coroutine submitted from the thread returns its result to the thread.
    m = re.fullmatch(
        r"call_soon_threadsafe\(\) at (\d+\.\d) s, callback ran at (\d+\.\d) s", run.lines[0]
    )
    assert m and float(m.group(1)) >= 0.1 and float(m.group(2)) < 0.5
    assert run.lines[1:] == [
        "worker: lookup returned 'ABC'",
        run.lines[2],
    ]
    assert run.lines[2].startswith("main: timer fired at ")
    assert _seconds(run.lines[2])[0] >= 0.5
    assert len(run.lines) == 3
