"""Checks for the threads chapter: Runner, loop_factory, a loop per thread, sync from async."""

from tests.checks import check


@check("threads/runner_several_calls.py")
def _(run):
    # The context variable set in the first call is visible in the later ones, the task
    # started in the first call is still running between calls, and closing the runner
    # cancels it before the with-block ends and closes the loop.
    assert run.lines == [
        "query 0 ran in session-1",
        "query 1 ran in session-1",
        "keepalive still running between calls: True",
        "keepalive: cancelled as the runner closes",
        "after the with-block: loop closed True, keepalive cancelled True",
    ]


@check("threads/loop_factory.py")
def _(run):
    # The factory runs once, before main(); main() runs in the loop it made, with the eager
    # task factory it set, so the task's first step runs inside create_task().
    assert run.lines == [
        "new_loop: created a _UnixSelectorEventLoop",
        "main: running in a _UnixSelectorEventLoop, eager tasks: True",
        "step: started inside create_task()",
        "main: create_task() returned",
        "main: step result",
    ]


@check("threads/loop_in_thread.py")
def _(run):
    # The coroutines run in the loop's thread; the main thread gets the results in the order
    # it asked for them; stop() lets asyncio.run() finish in that thread and close the loop.
    assert run.lines == [
        "MainThread: a fetched in loop-thread",
        "MainThread: b fetched in loop-thread",
        "MainThread: c fetched in loop-thread",
        "loop-thread: stopping, asyncio.run() cleans up",
        "MainThread: loop closed True",
    ]


@check("threads/run_inside_running_loop.py")
def _(run):
    # From synchronous code asyncio.run() works; inside a running loop it raises this
    # RuntimeError; awaiting works in the loop's thread, and the synchronous wrapper works in
    # a worker thread of the default executor, where no loop is running.
    assert run.lines == [
        "fetch_sync() from synchronous code: fetched in MainThread",
        "RuntimeError: asyncio.run() cannot be called from a running event loop",
        "await fetch(): fetched in MainThread",
        "to_thread(fetch_sync): fetched in asyncio_0",
    ]
