from tests.checks import check


@check("coroutines/start_coroutine.py")
def _(run):
    # Creating the coroutine object runs nothing; the body runs inside asyncio.run().
    assert run.lines == [
        "creating the coroutine object",
        "created coroutine, nothing has run yet",
        "handing it to asyncio.run()",
        "in the coroutine",
        "asyncio.run() returned, the loop is closed",
    ]


@check("coroutines/coroutine_return.py")
def _(run):
    assert run.lines == [
        "in the coroutine",
        "compute() returned 'result'",
        "asyncio.run() returned 'result'",
    ]


@check("coroutines/chain_coroutines.py")
def _(run):
    assert run.lines == [
        "waiting for phase1",
        "in phase1",
        "waiting for phase2",
        "in phase2",
        "return value: ('result1', 'result2 derived from result1')",
    ]


@check("coroutines/explicit_loop.py")
def _(run):
    # Both runner.run() calls use the runner's one loop, which stays open until the with-block ends.
    assert run.lines == [
        "first: running",
        "second: running",
        "same loop both times: True",
        "loop closed inside the with-block: False",
        "loop closed after the with-block: True",
    ]
