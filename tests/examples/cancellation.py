from tests.checks import check

# Times are asserted only as lower bounds from the start of the process (see the comment at the
# top of tests/examples/composing.py): run.times[i] is never less than the time from the first
# print to line i. What the page says about "before" and "after" is asserted as line order.


def _at(run, line):
    """Seconds from the start of the process to the stamp of ``line``."""
    return run.times[run.lines.index(line)]


@check("cancellation/cancel_is_a_request.py")
def _(run):
    # cancel() returns True, the task is not done right after it; the CancelledError reaches
    # the task only later, the task refuses it and returns normally; cancel() on a finished
    # task returns False.
    assert run.lines == [
        "main: cancel() returned True",
        "main: right after cancel(), done() is False",
        "flush_buffer: cancellation requested, finishing the write first",
        "flush_buffer: write complete",
        "main: the task refused and returned 'buffer flushed'",
        "main: cancel() on the finished task returned False",
    ]
    # The page: main cancels 0.1 s in, and the refusing task writes for another 0.1 s.
    assert _at(run, "flush_buffer: write complete") >= 0.2


@check("cancellation/shield.py")
def _(run):
    # The handler's wait is cut short while the shielded save is still running; the save
    # finishes later, and main() gets its result by awaiting the task it kept.
    assert run.lines == [
        "save: writing 'order 42'",
        "handler: gave up waiting; save done? False",
        "handler replied: 'accepted, saving in the background'",
        "save: written",
        "main: 'order 42 saved'",
    ]
    # The page: the handler gives up about 0.1 s in, the save ends about 0.3 s in.
    assert _at(run, "handler: gave up waiting; save done? False") >= 0.1
    assert _at(run, "save: written") >= 0.3


@check("cancellation/shield_at_exit.py")
def _(run):
    # main() returns without awaiting the shielded task: asyncio.run() cancels it before it
    # returns, so the write never completes.
    assert run.lines == [
        "save: writing 'order 42'",
        "main: timed out, returning without waiting for the save",
        "save: cancelled before the write finished",
        "asyncio.run() has returned",
    ]


@check("cancellation/task_group_stop.py")
def _(run):
    # mirror-a finishes, mirror-b raises Found, the two slower searches are cancelled (their
    # order is not guaranteed: the group keeps its tasks in a set), and main() gets the answer.
    assert run.lines[:2] == ["mirror-a: not here", "mirror-b: found it"]
    assert sorted(run.lines[2:4]) == ["mirror-c: cancelled", "mirror-d: cancelled"]
    assert run.lines[4:] == ["group ended early with ['file from mirror-b']"]
    assert "mirror-c: found it" not in run.lines
    # The page: mirror-a finishes 0.1 s after the searches start, mirror-b 0.1 s after that.
    assert _at(run, "mirror-a: not here") >= 0.1
    assert _at(run, "mirror-b: found it") >= 0.2


@check("cancellation/nested_timeouts.py")
def _(run):
    assert run.lines == [
        "prices: fresh data",
        # The inner timeout fires first and turns the cancellation into TimeoutError.
        "stock: cancelled, cancelling() = 1",
        "stock: too slow, using the cached copy",
        "stock: cached data",
        # Both fire together: two requests; the inner one passes it on, the outer one handles it.
        "reviews: cancelled, cancelling() = 2",
        "the page took too long (page deadline expired: True)",
    ]
    # The page: prices about 0.1 s, stock cut off at 0.1 + 0.3 s, the page deadline at 0.7 s.
    assert _at(run, "prices: fresh data") >= 0.1
    assert _at(run, "stock: cancelled, cancelling() = 1") >= 0.4
    assert _at(run, "reviews: cancelled, cancelling() = 2") >= 0.7


@check("cancellation/wait_for_task.py")
def _(run):
    # 3.11 wraps the coroutine in a new task; 3.12+ runs it in the caller's task.
    name = "'Task-2'" if run.python < (3, 12) else "'main'"
    assert run.lines == [
        f"Python {run.python[0]}.{run.python[1]}",
        f"fetch runs in task {name}",
        "wait_for returned 'data'",
    ]


@check("cancellation/waiter_cancelled.py")
def _(run):
    # wait() and as_completed() leave their children running when the waiting task is
    # cancelled (the example then cancels them itself); gather() cancels them, and the waiting
    # task ends only after they have ended.
    expected = []
    for waiter in ("with_wait", "with_as_completed"):
        expected += [
            f"cancelling the task in {waiter}()",
            "  parent cancelled: True",
            "  children still running: [True, True]",
            f"  {waiter}-0: cancelled",
            f"  {waiter}-1: cancelled",
        ]
    expected += [
        "cancelling the task in with_gather()",
        "  with_gather-0: cancelled",
        "  with_gather-1: cancelled",
        "  parent cancelled: True",
        "  children still running: [False, False]",
    ]
    assert run.lines == expected
    assert not any(line.endswith(": finished") for line in run.lines)


@check("cancellation/wait_for_race.py")
def _(run):
    # The reply and the cancellation arrive in the same turn. 3.11's wait_for() returns the
    # result and the request is lost (the task is not cancelled, its count stays 1); since 3.12
    # the CancelledError reaches the caller and the task ends cancelled.
    head = [f"Python {run.python[0]}.{run.python[1]}", "callback: cancel() returned True"]
    if run.python < (3, 12):
        assert run.lines == [
            *head,
            "request: wait_for returned 'pong', cancelling() = 1",
            "main: request cancelled? False",
        ]
    else:
        assert run.lines == [
            *head,
            "request: wait_for raised CancelledError",
            "main: request cancelled? True",
        ]
