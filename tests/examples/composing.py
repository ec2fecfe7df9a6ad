from tests.checks import check


def _time(run, line):
    """The offset (seconds from the start of the process) at which ``line`` was printed."""
    return run.times[run.lines.index(line)]


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
    # After the 0.15 s timeout one task is done and two are pending; main cancels them and
    # waits for them, so their "cancelled" lines come before main exits.
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
    assert _time(run, "done with phase 0") >= 0.1
    assert _time(run, "1 done, 2 pending") >= 0.15


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
    assert _time(run, "first result: 'data from mirror-b'") >= 0.1


@check("composing/gather_order.py")
def _(run):
    # Completion order follows the delays (2, 1, 3); the result list follows argument order.
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
    # The phases ran concurrently: gather() returned once the longest one (0.3 s) was done.
    assert _time(run, "done with phase 3") >= 0.3
    assert _time(run, "results: ['phase 1 result', 'phase 2 result', 'phase 3 result']") >= 0.3


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
        # The first exception reaches the caller at once; the other tasks keep running.
        "gather raised ValueError('b failed')",
        "still running: ['a', 'c']",
        "a finished",
        "c finished",
        "a: 'a ok', c: 'c ok'",
    ]
    # With return_exceptions=True, gather() waits for every awaitable (0.15 s).
    assert _time(run, "results: ['a ok', ValueError('b failed'), 'c ok']") >= 0.15
    # By default it raises as soon as b fails, before a and c have finished.
    raised = run.lines.index("gather raised ValueError('b failed')")
    assert run.times[raised] >= 0.15 + 0.05
    assert run.lines.index("a finished", raised) > raised


@check("composing/as_completed.py")
def _(run):
    # Answers arrive in completion order (shortest delay first), not in creation order.
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
    # Each answer is handled as soon as it is ready, not when all are.
    assert _time(run, "received answer 'phase 2 result'") >= 0.1
    assert _time(run, "received answer 'phase 1 result'") >= 0.2
    assert _time(run, "received answer 'phase 0 result'") >= 0.3


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
    assert run.times[1] >= 0.1
    assert run.times[2] >= 0.2
    assert run.times[3] >= 0.3


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
    # One child fails: its running sibling is cancelled, the finished one keeps its result,
    # and the error reaches main() inside an ExceptionGroup.
    assert run.lines == [
        "three workers started",
        "quick: done",
        "broken: failing",
        "slow: cancelled",
        "caught ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('broken failed')])",
        "  ValueError('broken failed')",
        "main carries on",
    ]
    assert _time(run, "slow: cancelled") >= 0.1


@check("composing/timeout.py")
def _(run):
    # The work is cancelled inside the block; TimeoutError is raised where the block ends.
    assert run.lines == [
        "calling slow_operation()",
        "slow_operation: cancelled",
        "timed out",
        "expired: True",
    ]
    assert _time(run, "timed out") >= 0.1


@check("composing/timeout_at.py")
def _(run):
    # Both blocks share one absolute deadline, 0.25 s after the start of main().
    assert run.lines == [
        "connect: start",
        "connect: done",
        "doing other work between the steps",
        "download: start",
        "download: deadline passed",
    ]
    assert _time(run, "connect: done") >= 0.1
    assert _time(run, "download: deadline passed") >= 0.25


@check("composing/timeout_reschedule.py")
def _(run):
    # Each chunk pushes the deadline 0.15 s further, so the run outlives the first deadline;
    # only the long gap before the fourth chunk ends it.
    assert run.lines == [
        "waiting for data",
        "got chunk 0",
        "got chunk 1",
        "got chunk 2",
        "nothing for 0.15 s: giving up",
    ]
    assert _time(run, "got chunk 2") >= 0.3
    assert _time(run, "nothing for 0.15 s: giving up") >= 0.3 + 0.15
