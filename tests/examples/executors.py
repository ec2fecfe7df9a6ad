"""Checks for the executors chapter: thread pool, process pool, asyncio.to_thread()."""

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
    # The results line is last; six 0.1 s calls on three threads take two rounds.
    assert timed[-1][1].endswith("results: [0, 1, 4, 9, 16, 25]")
    assert timed[-1][0] - timed[0][0] >= 0.15


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
    # The ticks run while the blocking call sleeps in the default executor's thread.
    timed = list(zip(run.times, run.lines, strict=True))
    assert [line for _, line in timed] == [
        "tick 0",
        "tick 1",
        "tick 2",
        "slept 0.35s in thread asyncio_0",
    ]
    times = [t for t, _ in timed]
    assert times[3] - times[0] >= 0.3
    assert times == sorted(times)


@check("executors/run_coroutine_threadsafe.py")
def _(run):
    # The worker thread (the default executor's first thread) gets results of coroutines
    # that ran in the event loop's thread, one after the other.
    assert [line for _, line in list(zip(run.times, run.lines, strict=True))] == [
        "asyncio_0 got 'value for a, computed in MainThread'",
        "asyncio_0 got 'value for b, computed in MainThread'",
    ]
