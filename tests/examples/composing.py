from tests.checks import check

# The pages give times as "about N s after" a line, read from the transcript's offsets. The
# runner stamps a line when it reads it from the pipe, and on a loaded machine that can be more
# than 0.1 s after the print, for any line, the first one included: a gap between two stamps
# can come out too long or too short, so no check compares two stamps. What always holds is a
# lower bound from the start of the process: the runner starts its clock before it starts the
# child, the child prints its first line after that, and no stamp comes before its print. So
# run.times[i] (seconds from the start) is never less than the time from the first print to
# line i, and a check asserts that bound with no slack at all (startup time only adds to it).
# Upper bounds are not asserted; what a page says about "before" and "after" is asserted as the
# order of the lines.


def _at(run, line, start=0):
    """Seconds from the start of the process to the stamp of ``line`` (searched from ``start``)."""
    return run.times[run.lines.index(line, start)]


@check("composing/wait_all.py")
def _(run):
    # Tasks start in creation order, finish in order of their delays (shortest first), and
    # wait() returns only when all of them are done; results are read in task order.
    assert run.lines == [
        "waiting for phases to complete",
        "in phase 0",
        "in phase 1",
        "in phase 2",
        "done with phase 2",
        "done with phase 1",
        "done with phase 0",
        "3 done, 0 pending",
        "results: ['phase 0 result', 'phase 1 result', 'phase 2 result']",
    ]


@check("composing/wait_timeout.py")
def _(run):
    # After the 0.15 s timeout one task is done and two are pending (they never print "done");
    # main cancels them and waits for them, so their "cancelled" lines come before main exits.
    assert run.lines == [
        "waiting 0.15 s for phases to complete",
        "in phase 0",
        "in phase 1",
        "in phase 2",
        "done with phase 0",
        "1 done, 2 pending",
        "cancelling the pending tasks",
        "phase 1 cancelled",
        "phase 2 cancelled",
        "cancelled: [False, True, True]",
        "exiting main",
    ]
    # The page: phase 0 takes about 0.1 s, wait() returns about 0.15 s after the tasks started.
    assert _at(run, "done with phase 0") >= 0.1
    assert _at(run, "1 done, 2 pending") >= 0.15


@check("composing/wait_first_completed.py")
def _(run):
    # wait() returns as soon as the fastest download (0.1 s) is done; the others are cancelled.
    assert run.lines == [
        "downloading from 3 mirrors",
        "mirror-b: finished",
        "first result: 'data from mirror-b'",
        "still pending: ['mirror-a', 'mirror-c']",
        "mirror-a: cancelled",
        "mirror-c: cancelled",
        "the other downloads are cancelled",
    ]
    assert _at(run, "first result: 'data from mirror-b'") >= 0.1


@check("composing/gather_order.py")
def _(run):
    # Every phase starts before any finishes (they run at the same time); completion order
    # follows the delays (2, 1, 3); the result list follows argument order.
    assert run.lines == [
        "waiting for phases to complete",
        "in phase 1",
        "in phase 2",
        "in phase 3",
        "done with phase 2",
        "done with phase 1",
        "done with phase 3",
        "results: ['phase 1 result', 'phase 2 result', 'phase 3 result']",
    ]
    # The page: about 0.3 s in all, the time of the slowest phase. That the phases did not run
    # one after the other is shown by the order above, not by an upper bound on the time.
    assert _at(run, "results: ['phase 1 result', 'phase 2 result', 'phase 3 result']") >= 0.3


@check("composing/gather_exceptions.py")
def _(run):
    assert run.lines == [
        "return_exceptions=True:",
        "b failing",
        "a finished",
        "c finished",
        # The exception takes its place in the list, in argument order.
        "results: ['a ok', ValueError('b failed'), 'c ok']",
        "default (return_exceptions=False):",
        "b failing",
        # The first exception reaches the caller next; the other tasks are still running ...
        "gather raised ValueError('b failed')",
        "still running: ['a', 'c']",
        # ... and gather() did not cancel them: they finish normally.
        "a finished",
        "c finished",
        "a: 'a ok', c: 'c ok'",
    ]
    # With return_exceptions=True, gather() waits for every job (the slowest takes 0.4 s).
    assert _at(run, "results: ['a ok', ValueError('b failed'), 'c ok']") >= 0.4
    # The page: in the second run b fails about 0.1 s after that run starts (0.4 + 0.1 s in).
    second = run.lines.index("default (return_exceptions=False):")
    assert _at(run, "b failing", start=second) >= 0.4 + 0.1


@check("composing/as_completed.py")
def _(run):
    # Answers arrive in completion order (shortest delay first), not in creation order, each
    # one as soon as its task is done.
    assert run.lines == [
        "waiting for phases to complete",
        "in phase 0",
        "in phase 1",
        "in phase 2",
        "done with phase 2",
        "received answer 'phase 2 result'",
        "done with phase 1",
        "received answer 'phase 1 result'",
        "done with phase 0",
        "received answer 'phase 0 result'",
        "results: ['phase 2 result', 'phase 1 result', 'phase 0 result']",
    ]
    # The page: the first answer is handled about 0.1 s after the tasks started.
    assert _at(run, "received answer 'phase 2 result'") >= 0.1
    assert _at(run, "received answer 'phase 1 result'") >= 0.3
    assert _at(run, "received answer 'phase 0 result'") >= 0.5


@check("composing/as_completed_async_for.py")
def _(run):
    # async for yields the very task objects that were passed in, in completion order.
    assert run.python >= (3, 13)
    assert run.lines == [
        "waiting for phases to complete",
        "tasks[2] (phase 2) finished: 'phase 2 result'",
        "tasks[1] (phase 1) finished: 'phase 1 result'",
        "tasks[0] (phase 0) finished: 'phase 0 result'",
    ]


@check("composing/task_group.py")
def _(run):
    # The tasks start only once main() awaits (at the end of the block), and the block
    # ends only when both are done.
    assert run.lines == [
        "both tasks created",
        "users: start",
        "orders: start",
        "orders: done",
        "users: done",
        "task group finished",
        "results: ['users data', 'orders data']",
    ]


@check("composing/task_group_error.py")
def _(run):
    # One child fails: its running sibling is cancelled before its sleep ends (it never prints
    # "slow: done"), the finished one keeps its result, and the error reaches main() inside an
    # ExceptionGroup whose except* part holds only the matched ValueError.
    assert run.lines == [
        "three workers started",
        "quick: done",
        "broken: failing",
        "slow: cancelled",
        "caught ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('broken failed')])",
        "  ValueError('broken failed')",
        "quick: 'quick result', slow cancelled: True",
        "main carries on",
    ]
    # The page: quick is done about 0.1 s after the start, broken fails at about 0.2 s.
    assert _at(run, "quick: done") >= 0.1
    assert _at(run, "broken: failing") >= 0.2


@check("composing/timeout.py")
def _(run):
    # The work is cancelled inside the block; TimeoutError is raised where the block ends.
    assert run.lines == [
        "calling slow_operation()",
        "slow_operation: cancelled",
        "timed out",
        "expired: True",
    ]
    # The page: cancelled about 0.1 s after the first line (slow_operation wanted 0.5 s).
    assert _at(run, "slow_operation: cancelled") >= 0.1


@check("composing/timeout_at.py")
def _(run):
    # Both blocks share one absolute deadline, 0.3 s after the start of main().
    assert run.lines == [
        "connect: start",
        "connect: done",
        "doing other work between the steps",
        "download: start",
        "deadline passed",
    ]
    assert _at(run, "connect: done") >= 0.1
    assert _at(run, "deadline passed") >= 0.3


@check("composing/timeout_reschedule.py")
def _(run):
    # Each chunk pushes the deadline 0.3 s further, so the run outlives the first deadline;
    # only the long gap before the fifth chunk ends it.
    assert run.lines == [
        "waiting for data",
        "got chunk 0",
        "got chunk 1",
        "got chunk 2",
        "got chunk 3",
        "nothing for 0.3 s: giving up",
    ]
    # The page: the four chunks take about 0.4 s, more than the first 0.3 s limit, and the
    # give-up comes about 0.3 s after the last chunk, so at least 0.4 + 0.3 s after the start.
    assert _at(run, "got chunk 3") >= 0.4
    assert _at(run, "nothing for 0.3 s: giving up") >= 0.4 + 0.3
