from tests.checks import check


@check("concepts/ready_queue.py")
def _(run):
    # main's next step is queued behind the two callbacks it scheduled.
    assert run.lines == [
        "main: running inside the event loop",
        "main: queued two callbacks, now giving control back",
        "callback A runs",
        "callback B runs",
        "main: resumed after the callbacks",
    ]


@check("concepts/coroutine_object.py")
def _(run):
    # Creating the coroutine runs none of its body; awaiting it does.
    assert run.lines == [
        "main: greet() returned a coroutine object",
        "main: nothing has run yet, now awaiting it",
        "greet: hello, asyncio",
        "main: the coroutine returned 7",
    ]


@check("concepts/future_and_task.py")
def _(run):
    assert run.lines == [
        "future done: False",
        "future result: 'set by a callback'",
        "task is a Future: True",
        "task done: False",
        "task result: 42",
    ]


@check("concepts/cooperative_turns.py")
def _(run):
    # Each await asyncio.sleep(0) hands the thread to the other task.
    assert run.lines == [
        "A: step 1",
        "B: step 1",
        "A: step 2",
        "B: step 2",
        "A: step 3",
        "B: finished",
        "A: finished",
    ]


@check("concepts/time_sleep_blocks.py")
def _(run):
    # While time.sleep() blocks, not a single tick can run: tick 1 comes only after the block.
    assert run.lines == [
        "worker: waiting 0.25 s with time.sleep()",
        "worker: done",
        "tick 1",
        "tick 2",
        "tick 3",
    ]
    # Offsets count from the process start, before the example's first line, and a stamp is
    # never early, so each lower bound below holds however loaded the machine is; 0.01 s is
    # left for timer rounding. "worker: done" comes 0.25 s or more after the first line, and
    # tick 1 (due 0.1 s after it) prints after it, so at least 0.15 s late; each later tick
    # waits 0.1 s more. No two stamps are compared.
    _, done, tick1, tick2, tick3 = run.times
    assert done >= 0.24
    assert tick1 >= 0.24
    assert tick2 >= 0.34
    assert tick3 >= 0.44


@check("concepts/asyncio_sleep_yields.py")
def _(run):
    # While the worker awaits asyncio.sleep(), the ticker keeps running.
    # Where "worker: done" falls among the later ticks depends on timing (the page says so);
    # assert only that the first tick comes before it.
    lines = run.lines
    assert lines[0] == "worker: waiting 0.25 s with asyncio.sleep()"
    assert [line for line in lines if line != "worker: done"][1:] == ["tick 1", "tick 2", "tick 3"]
    done = lines.index("worker: done")
    assert lines.index("tick 1") < done
    # Lower bounds from the process start (see time_sleep_blocks.py): ticks every 0.1 s,
    # "worker: done" 0.25 s or more after the first line.
    times = dict(zip(lines, run.times, strict=True))
    assert times["worker: done"] >= 0.24
    assert times["tick 1"] >= 0.09
    assert times["tick 2"] >= 0.19
    assert times["tick 3"] >= 0.29
