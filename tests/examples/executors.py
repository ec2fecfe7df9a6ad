"""Checks for the executors chapter: thread pool, process pool, asyncio.to_thread()."""

import itertools
import re

from tests.checks import check


def in_flight_never_exceeds(events, limit):
    """events: ("running" | "done") in output order; at most `limit` calls at once."""
    busy = 0
    for event in events:
        busy += 1 if event == "running" else -1
        assert 0 <= busy <= limit
    assert busy == 0


@check("executors/thread_pool.py")
def _(run):
    timed = list(zip(run.times, run.lines, strict=True))
    pattern = re.compile(r"(\S+) +(main|blocks\((\d)\)) +(.*)")
    parsed = [pattern.fullmatch(line) for _, line in timed]
    assert all(parsed), run.lines
    main = [m[4] for m in parsed if m[2] == "main"]
    assert main == [
        "submitting 6 calls",
        "waiting for the results",
        "results: [0, 1, 4, 9, 16, 25]",
    ]
    assert all(m[1] == "MainThread" for m in parsed if m[2] == "main")
    calls = [m for m in parsed if m[2] != "main"]
    # Each call runs once, in a worker thread of the pool (names ThreadPoolExecutor-0_<i>);
    # which thread takes which call is not fixed.
    assert sorted(m[2] + " " + m[4] for m in calls) == sorted(
        f"blocks({n}) {what}" for n in range(6) for what in ("running", "done")
    )
    assert {m[1] for m in calls} <= {f"ThreadPoolExecutor-0_{i}" for i in range(3)}
    in_flight_never_exceeds([m[4] for m in calls], 3)
    # The results line comes last, after all six calls are done. With at most three calls
    # at once, six 0.1 s calls take two rounds: 0.2 s at least, as the page says. run.times
    # counts from the process start and a stamp is never early, so this lower bound holds
    # with no slack; no difference of two stamps is asserted (the first can be late).
    assert timed[-1][1].endswith("results: [0, 1, 4, 9, 16, 25]")
    assert timed[-1][0] >= 0.2


@check("executors/process_pool.py")
def _(run):
    lines = [line for _, line in list(zip(run.times, run.lines, strict=True))]
    pattern = re.compile(r"PID (\d+) +(main|blocks\((\d)\)) +(.*)")
    parsed = [pattern.fullmatch(line) for line in lines]
    assert all(parsed), lines
    main = [m for m in parsed if m[2] == "main"]
    assert [m[4] for m in main] == [
        "submitting 6 calls",
        "waiting for the results",
        "results: [0, 1, 4, 9, 16, 25]",
    ]
    parent = {m[1] for m in main}
    assert len(parent) == 1
    calls = [m for m in parsed if m[2] != "main"]
    assert sorted(m[2] + " " + m[4] for m in calls) == sorted(
        f"blocks({n}) {what}" for n in range(6) for what in ("running", "done")
    )
    # The calls run in other processes: at most three of them, none the parent.
    workers = {m[1] for m in calls}
    assert 1 <= len(workers) <= 3
    assert not workers & parent
    in_flight_never_exceeds([m[4] for m in calls], 3)
    assert lines[-1].endswith("results: [0, 1, 4, 9, 16, 25]")


@check("executors/to_thread.py")
def _(run):
    # Each line starts with the time since main() started, measured by the example itself
    # (the runner's own stamps can be late on a loaded machine).
    parsed = [re.fullmatch(r"(\d+\.\d\d) s: (.*)", line) for line in run.lines]
    assert all(parsed), run.lines
    times = [float(m[1]) for m in parsed]
    assert [m[2] for m in parsed] == [
        "tick 0",
        "tick 1",
        "tick 2",
        "slept 0.35 s in thread asyncio_0",
    ]
    # "About 0.1 s apart": each tick follows a 0.1 s sleep (0.01 s for the rounding).
    assert all(b - a >= 0.09 for a, b in itertools.pairwise(times[:3]))
    # The result comes once the 0.35 s sleep in the default executor's thread is over, "at
    # about 0.35 s" (0.25 s of margin for load: 0.6 s would still be short of the
    # 0.35 + 0.3 s that a blocked loop would take)...
    assert 0.34 <= times[3] < 0.6
    # ...and the ticks came while it slept: had the sleep blocked the event loop, no tick
    # could come before 0.35 s. Tick 2 is due at about 0.2 s: 0.15 s of margin for load.
    assert times[2] < 0.35


@check("executors/run_coroutine_threadsafe.py")
def _(run):
    # The worker thread (the default executor's first thread) gets the result of a
    # coroutine that ran in the event loop's thread; for the one that takes too long it
    # gives up after 1 s and cancels it, and the cancellation reaches the coroutine in
    # the event loop's thread (necessarily after the line printed before cancel()).
    assert run.lines == [
        "asyncio_0 got 'value for a, computed in MainThread'",
        "asyncio_0 gave up on 'b' after 1 s",
        "lookup('b') cancelled in MainThread",
    ]
