import re

from tests.checks import check

# Times: run.times[i] counts from before the process started and no line is stamped before it
# is printed, so it is a lower bound with no slack (see tests/examples/composing.py). Where a
# page states an upper bound or a time inside the run, the example measures it with loop.time()
# and prints it, and the check reads the printed number. Printed numbers are rounded to 0.01 s,
# so a bound read from them allows 0.005 s for the rounding.
ROUNDING = 0.005


@check("patterns/worker_pool.py")
def _(run):
    # Every job is handled exactly once, by one of the three workers; job 5 fails and the
    # pool carries on. Which worker gets which job is not guaranteed.
    jobs = [line for line in run.lines if line.startswith("worker ")]
    done = sorted(
        int(m[1]) for line in jobs if (m := re.fullmatch(r"worker [0-2]: job (\d) done", line))
    )
    assert done == [0, 1, 2, 3, 4, 6, 7]
    assert (
        sum(
            1
            for line in jobs
            if re.fullmatch(r"worker [0-2]: job 5 failed: ValueError\('job 5 is malformed'\)", line)
        )
        == 1
    )
    assert len(jobs) == 8
    # Bounded queue: 3 places in the queue and 3 jobs in the workers' hands, so the last two
    # put() calls had to wait for two jobs to finish before "all 8 jobs queued".
    queued = run.lines.index("all 8 jobs queued")
    assert sum(1 for line in run.lines[:queued] if line.startswith("worker ")) >= 2
    # join() returns only after the last job, then the workers are cancelled.
    assert run.lines[-4:] == [
        "queue joined: stopping the workers",
        "workers cancelled: [True, True, True]",
        "8 results, failed jobs: [5]",
        "at most 3 jobs at once",
    ]


@check("patterns/worker_pool_shutdown.py")
def _(run):
    assert run.python >= (3, 13)
    assert run.lines[0] == "all 8 jobs queued, queue shut down"
    # Each worker leaves once the queue is shut down and empty (in no guaranteed order) ...
    assert sorted(run.lines[1:4]) == [f"worker {n}: queue shut down, leaving" for n in range(3)]
    # ... after every job queued before shutdown() has been handled.
    assert run.lines[4:] == ["8 results, failed jobs: [5]"]


@check("patterns/pipeline.py")
def _(run):
    puts = [
        (i, int(m[1]), int(m[2]))
        for i, line in enumerate(run.lines)
        if (m := re.fullmatch(r"produce: put (\d) \((\d) ahead of consume\)", line))
    ]
    handled = [line for line in run.lines if line.startswith("consume: handled ")]
    # Every item goes through both stages, in order.
    assert [n for _, n, _ in puts] == list(range(10))
    assert handled == [f"consume: handled {n * 10}" for n in range(10)]
    for i, n, ahead in puts:
        # "ahead" is what the transcript shows: items put minus items handled so far ...
        done = sum(1 for line in run.lines[:i] if line.startswith("consume: handled "))
        assert ahead == n + 1 - done
        # ... and backpressure keeps it at or below 2 + 1 + 2 + 1 (two queues, two stages).
        assert ahead <= 6
    # So the producer's last put waited for the consumer to handle at least four items.
    assert sum(1 for line in run.lines[: puts[-1][0]] if line.startswith("consume: handled ")) >= 4
    assert run.lines[-2:] == [
        "produce was at most 6 items ahead",
        "pipeline finished, 0 other tasks left",
    ]


def _starts(run, name):
    line = next(line for line in run.lines if line.startswith(f"{name}: starts at "))
    return [float(t) for t in line.split(" starts at ")[1].split()]


def _summary(run, name):
    line = next(line for line in run.lines if line.startswith(f"{name}: at most "))
    m = re.fullmatch(rf"{re.escape(name)}: at most (\d+) at once, (\d+\.\d\d) s in all", line)
    return int(m[1]), float(m[2])


@check("patterns/rate_limit.py")
def _(run):
    assert run.lines[0] == "10 requests of 0.15 s each"
    sem, bucket = "semaphore(3)", "bucket(20/s, burst 2)"
    # The semaphore: never more than 3 at once (and 3 at the very start); the k-th start
    # waits for k // 3 requests of 0.15 s to end before it, one after the other.
    most, elapsed = _summary(run, sem)
    assert most == 3
    starts = _starts(run, sem)
    assert len(starts) == 10
    for k, t in enumerate(starts):
        assert t >= k // 3 * 0.15 - ROUNDING
    assert elapsed >= 4 * 0.15 - ROUNDING
    # The bucket: two at once (the burst), then one start per 1/20 s at most, however many
    # requests are still running. The number running at once is not capped, and its maximum
    # depends on how late the starts and ends come, so only "at least three" is asserted: the
    # third request's token wait (0.05 s) ends before the first two requests (0.15 s), and a
    # timer that is due earlier wakes its task first even when the loop is late.
    most, elapsed = _summary(run, bucket)
    assert most >= 3
    starts = _starts(run, bucket)
    assert len(starts) == 10
    for k, t in enumerate(starts):
        assert t >= (k - 1) * 0.05 - ROUNDING
    assert elapsed >= 8 * 0.05 + 0.15 - ROUNDING


@check("patterns/retry.py")
def _(run):
    refused = "ConnectionRefusedError('connection refused')"
    # The delays come from seeded generators, so they are the same on every run; the
    # n-th delay lies between 0 and 0.05 * 2 ** (n - 1).
    i = run.lines.index("too slow every time:")
    assert run.lines[:i] == [
        "transient errors:",
        f"  attempt 1: {refused}, retrying in 0.042 s (0 to 0.05 s)",
        "  attempt 2: TimeoutError(), retrying in 0.076 s (0 to 0.1 s)",
        "  result: 'ok'",
        # ValueError is not in RETRYABLE: no second attempt.
        "an error not worth retrying:",
        "  gave up: ValueError('bad request')",
        "refused every time:",
        f"  attempt 1: {refused}, retrying in 0.048 s (0 to 0.05 s)",
        f"  attempt 2: {refused}, retrying in 0.095 s (0 to 0.1 s)",
        f"  attempt 3: {refused}, no attempts left",
        f"  gave up: {refused}",
    ]
    # The hanging call is cut off by the 0.1 s per-attempt timeout, after the first delay.
    hung = run.lines.index("  attempt 2: TimeoutError(), retrying in 0.076 s (0 to 0.1 s)")
    assert run.times[hung] >= 0.042 + 0.1
    j = run.lines.index("cancelled while waiting to retry:")
    slow = run.lines[i + 1 : j]
    # The 0.35 s deadline ends the retries before the fourth attempt: after three 0.1 s
    # attempts and two short delays (on a loaded machine it can come one attempt earlier).
    assert slow[-1] == "  gave up: TimeoutError()"
    assert run.times[j - 1] >= 0.35  # not before the deadline, 0.35 s after this case began
    assert slow[-2] in {
        "  attempt 3: TimeoutError(), the deadline comes first",
        "  attempt 2: TimeoutError(), the deadline comes first",
    }
    assert slow[0] == "  attempt 1: TimeoutError(), retrying in 0.012 s (0 to 0.05 s)"
    assert len(slow) in {3, 4}
    # A cancellation is never retried: it ends the task during its backoff sleep.
    assert run.lines[j + 1 :] == [
        f"  attempt 1: {refused}, retrying in 0.042 s (0 to 0.05 s)",
        "  cancelled: True, no second attempt",
    ]


@check("patterns/priority_queues.py")
def _(run):
    assert run.lines == [
        "LifoQueue: ['third', 'second', 'first']",
        # Lowest priority first; equal priorities in the order they were put (the counter).
        "PriorityQueue: [(1, 'alert'), (1, 'page'), (2, 'report'), (2, 'backup')]",
        "plain tuples: TypeError: '<' not supported between instances of 'dict' and 'dict'",
        # The item went into the heap before the comparison failed.
        "the failed put left qsize() == 2",
    ]


@check("patterns/fan_out.py")
def _(run):
    started = [line for line in run.lines if ": started, " in line]
    done = [line.split(":")[0] for line in run.lines if line.endswith(": done")]
    assert len(started) == 5 and sorted(done) == ["alpha", "bravo", "charlie", "delta", "echo"]
    # Never more than two at once (the semaphore), and the first two start without waiting.
    assert all(line.endswith(("1 running", "2 running")) for line in started)
    assert started[:2] == ["alpha: started, 1 running", "bravo: started, 2 running"]
    # The third start waits for the first fetch to end: bravo's, 0.1 s in.
    assert done[0] == "bravo"
    assert run.times[run.lines.index(started[2])] >= 0.1
    # Each fetch stores its result as it finishes: the dict is in completion order.
    expected = ", ".join(f"'{name}': '{name.upper()}'" for name in done)
    assert run.lines[-2:] == [
        f"results in completion order: {{{expected}}}",
        "in input order: ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO']",
    ]


@check("patterns/fan_out_errors.py")
def _(run):
    reset = "ConnectionResetError('charlie: connection reset')"
    assert run.lines == [
        "fail fast (TaskGroup):",
        # charlie fails at 0.2 s: the group cancels alpha (0.5 s), the only one still running.
        "  alpha: cancelled",
        f"  failed: ({reset},)",
        # Results of the tasks that finished before the failure are kept.
        "  results: {'delta': 'DELTA', 'bravo': 'BRAVO'}",
        "keep going (errors as values):",
        f"  results: {{'delta': 'DELTA', 'bravo': 'BRAVO', 'charlie': {reset}, 'alpha': 'ALPHA'}}",
    ]
