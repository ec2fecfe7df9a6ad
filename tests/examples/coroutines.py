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
    first, second, results, after = run.lines
    assert first.startswith("first: running in loop ")
    # Both runner.run() calls use the same loop: the same number is printed twice.
    assert first.split()[-1] == second.split()[-1]
    assert second.startswith("second: running in loop ")
    assert results == "results: FIRST, SECOND; loop closed: False"
    assert after == "after the with-block, loop closed: True"
