from tests.checks import check

# Log records go to stderr and prints to stdout. The runner reads both from one pipe and the
# child runs unbuffered, so lines appear in the order they were written. The logging examples
# write everything through logging (one stream), so their order does not depend on buffering.


@check("context/task_copies_context.py")
def _(run):
    # A task sees the value set before create_task(), not the one set after it; what a task
    # sets stays in its own copy, and TaskGroup siblings do not see each other's changes.
    assert run.lines == [
        "task: starts with user=alice",
        "task: ends with user=task",
        "main: user=bob after the task",
        "first: starts with user=bob",
        "second: starts with user=bob",
        "first: ends with user=first",
        "second: ends with user=second",
        "main: user=bob after the group",
    ]


@check("context/context_argument.py")
def _(run):
    # A task created with context=ctx runs in ctx itself: its change is visible in ctx
    # afterwards, to a later task and a callback given the same ctx, but not in main's context.
    assert run.lines == [
        "set_up task: request_id=req-42",
        "main: request_id=-",
        "ctx now holds request_id=req-42",
        "report task: request_id=req-42",
        "report task: request_id=-",
        "call_soon: request_id=-",
        "call_soon with context=ctx: request_id=req-42",
    ]


@check("context/thread_context.py")
def _(run):
    # to_thread() and run_in_executor() with ctx.run see the value; plain run_in_executor()
    # runs in the worker thread's own (empty) context in the default build.
    assert [line.split() for line in run.lines] == [
        ["to_thread", "->", "request_id=req-7"],
        ["run_in_executor", "->", "request_id=-"],
        ["run_in_executor", "+", "ctx.run", "->", "request_id=req-7"],
    ]


@check("context/request_id_logging.py")
def _(run):
    # Every line logged inside a request, by the handler or by the tasks it created, carries
    # that request's id; lines outside any request carry "-". Each request's lines come in
    # its own order; how the two requests interleave depends on timing and is not asserted.
    assert run.lines[0] == "- app: server ready"
    assert run.lines[-1] == "- app: server stopped"
    assert len(run.lines) == 14
    for rid, path in [("req-1", "/a"), ("req-2", "/b")]:
        mine = [line.split(" ", 2)[2] for line in run.lines if line.startswith(rid + " ")]
        assert mine[0] == f"start {path}"
        assert sorted(mine[1:3]) == ["fetching orders", "fetching user"]
        assert mine[3:5] == ["fetched user", "fetched orders"]
        assert mine[5] == f"done {path}"
        assert len(mine) == 6


@check("context/asyncio_logger_debug.py")
def _(run):
    # At DEBUG level the asyncio logger names its selector in both runs; only the debug-mode
    # run adds the WARNING for the slow step and the DEBUG line when the loop closes.
    lines = run.all_lines  # keeps the slow-step warnings that run.lines leaves out
    first = lines.index("INFO app: asyncio.run(main(), debug=False)")
    second = lines.index("INFO app: asyncio.run(main(), debug=True)")
    assert lines[-1] == "INFO app: finished"
    off, on = lines[first + 1 : second], lines[second + 1 : -1]
    assert off == ["DEBUG asyncio: Using selector: EpollSelector"]  # the build runs on Linux
    assert on[0] == "DEBUG asyncio: Using selector: EpollSelector"
    assert any(
        line.startswith("WARNING asyncio: Executing <Task finished name=")
        and "coro=<main() done" in line
        for line in on
    )
    assert on[-1].startswith("DEBUG asyncio: Close <_UnixSelectorEventLoop running=False")
    assert "debug=True>" in on[-1]


@check("context/route_asyncio_logger.py")
def _(run):
    # The asyncio logger set to WARNING drops its DEBUG "Using selector" line; the error in the
    # callback goes through asyncio's own handler (its prefix), not through the root's format.
    assert run.lines[0] == "DEBUG app: scheduling a callback that fails"
    assert run.lines[1].startswith("[asyncio] ERROR Exception in callback failing_callback() at ")
    assert "route_asyncio_logger.py:" in run.lines[1]  # the page: names the file and line
    assert "RuntimeError: callback failed" in run.lines
    assert run.lines[-1] == "DEBUG app: main done"
    assert not any("Using selector" in line for line in run.lines)
    assert not any(line.startswith(("ERROR asyncio", "DEBUG asyncio")) for line in run.lines)
