from tests.checks import check

_PAGED = [
    "  fetching page 0",
    "user alice",
    "user bob",
    "  fetching page 1",
    "user carol",
    "  fetching page 2",
    "user dave",
    "user erin",
    "loop ended",
]


@check("iteration/async_iterator_class.py")
def _(run):
    # __anext__ fetches a page only when its buffer is empty; StopAsyncIteration ends the loop.
    assert run.lines == _PAGED


@check("iteration/async_generator.py")
def _(run):
    # Calling the generator function runs none of its body; then the same output as the class.
    assert run.lines == ["async_generator, nothing fetched yet", *_PAGED]


@check("iteration/async_comprehension.py")
def _(run):
    assert run.lines == [
        "long names: ['alice', 'carol', 'dave', 'erin']",
        "lengths: [5, 5, 4, 4]",
        # The example measures itself: awaits in a comprehension run one after the other ...
        "4 lookups took at least 0.4 s: True",
        "lengths: [5, 5, 4, 4]",
        # ... while tasks in a task group overlap (0.1 s in all, against a 0.4 s bound).
        "with a task group they took less than 0.4 s: True",
    ]


@check("iteration/asynccontextmanager_cleanup.py")
def _(run):
    # Without try/finally the code after yield never runs when the block raises; with it,
    # the cleanup runs before the exception reaches the caller. The exception is not swallowed.
    assert run.lines == [
        "without finally: open",
        "without finally: sending",
        "caught ConnectionResetError('without finally: peer went away')",
        "with finally: open",
        "with finally: sending",
        "with finally: closed",
        "caught ConnectionResetError('with finally: peer went away')",
    ]


@check("iteration/exit_stack.py")
def _(run):
    assert run.lines == [
        "three servers up:",
        "  db-1: connected",
        "  db-2: connected",
        "  db-4: connected",
        "  querying db-1, db-2, db-4",
        # Exits run in reverse order of entry; the callback pushed last runs first.
        "  done with 3 connections",
        "  db-4: closed",
        "  db-2: closed",
        "  db-1: closed",
        "one server down:",
        "  db-1: connected",
        "  db-2: connected",
        # db-3 fails inside the block: what was entered is closed, in reverse order, and the
        # error reaches the caller; db-4 is never tried.
        "  db-2: closed",
        "  db-1: closed",
        "caught ConnectionRefusedError('db-3 refused the connection')",
    ]


@check("iteration/abandoned_generator.py")
def _(run):
    assert run.lines == [
        # Abandoned by break: the cleanup runs after the loop is left, in another task.
        "plain async for: left the loop",
        "plain async for: cleanup, in the consumer's task: False",
        "plain async for: consumer done",
        # aclosing(): the cleanup runs before the block ends, in the consumer's own task.
        "with aclosing(): cleanup, in the consumer's task: True",
        "with aclosing(): left the loop",
        "with aclosing(): consumer done",
    ]


@check("iteration/shutdown_asyncgens.py")
def _(run):
    assert run.lines == [
        "prices: subscribed",
        "got prices update 1",
        "got prices update 2",
        "main returns; the generator is still suspended at its yield",
        # Still referenced when main() returns: asyncio.run() closes it while shutting down,
        # after main() and before asyncio.run() returns, and its awaits in finally complete.
        "prices: unsubscribed",
        "asyncio.run() returned",
    ]
