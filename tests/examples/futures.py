"""Checks for the futures chapter: awaiting a Future, done callbacks, exceptions."""

from tests.checks import check


@check("futures/await_future.py")
def _(run):
    # The coroutine waits on the Future until the callback sets its result; the finished
    # Future keeps the result after the loop has closed.
    assert run.lines == [
        "scheduling mark_done",
        "done before await: False",
        "setting future result to 'the result'",
        "awaited result: 'the result'",
        "done after await: True",
        "result after the loop closed: 'the result'",
    ]


@check("futures/done_callbacks.py")
def _(run):
    # set_result() only schedules the callbacks; they run in the order they were added
    # once main() yields.
    assert run.lines == [
        "registering callbacks on the future",
        "setting the result",
        "result set; the callbacks are only scheduled",
        "1: future done: 'the result'",
        "2: future done: 'the result'",
        "main done",
    ]


@check("futures/future_exception.py")
def _(run):
    assert run.lines[0].startswith("result() too early: InvalidStateError")
    assert run.lines[1:] == [
        "scheduling set_exception(ValueError('bad input'))",
        "await raised ValueError: bad input",
        "done: True",
        "exception(): ValueError('bad input')",
        "result() raised ValueError: bad input",
    ]
