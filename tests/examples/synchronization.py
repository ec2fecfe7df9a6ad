from collections import Counter

from tests.checks import check


@check("synchronization/lock.py")
def _(run):
    # Lock waiters are served in the order they started waiting (documented as fair).
    assert run.lines == [
        "main: lock held before starting the tasks: True",
        "A: waiting for the lock",
        "B: waiting for the lock",
        "callback: releasing the lock",
        "A: acquired the lock",
        "A: released the lock",
        "B: acquired the lock",
        "B: released the lock",
        "main: lock held at the end: False",
    ]


@check("synchronization/lock_lost_update.py")
def _(run):
    # All ten tasks read 0 before the first of them writes: nine updates are lost.
    assert run.lines == [
        "without a lock: 1 of 10 increments kept",
        "with a lock: 10 of 10 increments kept",
    ]


@check("synchronization/event.py")
def _(run):
    lines = run.lines
    assert lines[0] == "main: event set at the start: False"
    # Tasks start in the order they were created, so the waiting lines are ordered.
    assert lines[1:5] == [
        "A: waiting for the event",
        "B: waiting for the event",
        "C: waiting for the event",
        "callback: setting the event",
    ]
    # The order in which the waiters wake up is not promised.
    assert sorted(lines[5:8]) == ["A: woken up", "B: woken up", "C: woken up"]
    assert lines[8:] == ["main: event set at the end: True"]


@check("synchronization/condition.py")
def _(run):
    lines = run.lines
    assert sorted(lines[:5]) == [f"consumer {n}: waiting" for n in range(5)]
    notes = [
        "notifier: waking 1 consumer(s)",
        "notifier: waking 2 consumer(s)",
        "notifier: waking all remaining consumers",
    ]
    positions = [lines.index(note) for note in notes]
    assert positions[0] == 5 and positions == sorted(positions)
    woken = [line for line in lines if line.endswith(": woken up")]
    # Which consumers wake is not promised; how many wake after each notification is.
    between = [
        [line for line in lines[start:end] if line.endswith(": woken up")]
        for start, end in zip(positions, [*positions[1:], len(lines)], strict=True)
    ]
    assert [len(group) for group in between] == [1, 2, 2]
    assert sorted(woken) == [f"consumer {n}: woken up" for n in range(5)]
    for n in range(5):
        assert lines.index(f"consumer {n}: woken up") < lines.index(f"consumer {n}: done")
    assert len(lines) == 18


@check("synchronization/condition_wait_for.py")
def _(run):
    assert run.lines == [
        "producer: added 'a'",
        "waiter for 1 item(s): sees ['a']",
        "producer: added 'b'",
        "waiter for 2 item(s): sees ['a', 'b']",
        "producer: added 'c'",
        "waiter for 3 item(s): sees ['a', 'b', 'c']",
    ]


@check("synchronization/queue.py")
def _(run):
    lines = run.lines
    added = [line for line in lines if line.startswith("producer: added item ")]
    assert added == [f"producer: added item {i}" for i in range(6)]
    # Which consumer gets which item is not promised: check the multiset of items.
    got = [line.split(": got item ")[1] for line in lines if ": got item " in line]
    assert Counter(got) == Counter(str(i) for i in range(6))
    for i in range(6):
        got_at = next(k for k, line in enumerate(lines) if line.endswith(f": got item {i}"))
        assert lines.index(f"producer: added item {i}") < got_at
    # maxsize=2: the producer is never more than two items ahead of the consumers.
    added_count = got_count = 0
    for line in lines:
        added_count += line.startswith("producer: added item ")
        got_count += ": got item " in line
        assert added_count - got_count <= 2
    assert lines.index("producer: adding one stop marker per consumer") > lines.index(
        "producer: added item 5"
    )
    # Item 3 fails in the consumer that got it, which carries on with the next items.
    failed = [line for line in lines if " failed: " in line]
    assert len(failed) == 1
    who = failed[0].split(":")[0]
    assert failed[0] == f"{who}: item 3 failed: item 3 is malformed"
    assert lines.index(f"{who}: got item 3") < lines.index(failed[0])
    assert sorted(line for line in lines if line.endswith(": stopping")) == [
        "consumer 0: stopping",
        "consumer 1: stopping",
    ]
    # task_done() runs in a finally clause, so the failed item counts as done too:
    # join() returns after every item and both stop markers, and the last line is always this.
    assert lines[-1] == "producer: done"
    assert len(lines) == 21


@check("synchronization/queue_shutdown.py")
def _(run):
    lines = run.lines
    assert lines[:2] == [
        "producer: shut the queue down",
        "producer: put() after shutdown() raised QueueShutDown",
    ]
    # Items queued before shutdown() are still delivered, in some consumer order.
    got = [line.split(": got item ")[1] for line in lines if ": got item " in line]
    assert Counter(got) == Counter(str(i) for i in range(6))
    stops = [line for line in lines if line.endswith("stopping")]
    assert sorted(stops) == [
        "consumer 0: queue is shut down and empty, stopping",
        "consumer 1: queue is shut down and empty, stopping",
    ]
    last_item = max(k for k, line in enumerate(lines) if ": got item " in line)
    assert all(lines.index(stop) > last_item for stop in stops)
    assert lines[-1] == "main: all consumers stopped"


@check("synchronization/semaphore.py")
def _(run):
    lines, times = run.lines, run.times
    assert lines[0] == "main: starting 5 workers"
    assert len(lines) == 11
    starts = [k for k, line in enumerate(lines) if ": starting, " in line]
    assert len(starts) == 5
    # Workers 0 and 1 find the semaphore free: they start first, in the order they were created.
    assert lines[starts[0]] == "worker 0: starting, 1 running"
    assert lines[starts[1]] == "worker 1: starting, 2 running"
    # Every worker starts once and is done once, in that order.
    for n in range(5):
        start = [k for k in starts if lines[k].startswith(f"worker {n}: ")]
        assert len(start) == 1
        assert start[0] < lines.index(f"worker {n}: done")
    # Never more than two at once, as each worker counts them...
    counts = [int(lines[k].split(", ")[1].split()[0]) for k in starts]
    assert max(counts) == 2
    # ...and as the lines show: a worker prints "done" right after it releases the semaphore,
    # before the waiter that takes its place can run.
    inside = 0
    for line in lines[1:]:
        inside += 1 if ": starting, " in line else -1
        assert 0 <= inside <= 2
    # Which waiter starts when is not promised (the page says so). What the limit guarantees:
    # the third start waits for one of the first two workers to finish (0.1 s), the fifth for
    # one of the third and fourth (0.2 s). Offsets count from the process start, before the
    # workers start, and a stamp is never early: 0.01 s is left for timer rounding only.
    start_times = sorted(times[k] for k in starts)
    assert start_times[2] >= 0.09
    assert start_times[4] >= 0.19


@check("synchronization/bounded_semaphore.py")
def _(run):
    assert run.lines == [
        "Semaphore(1): an extra release() let two holders in",
        "BoundedSemaphore(1): acquired and released once",
        "BoundedSemaphore(1): extra release() raised ValueError: "
        "BoundedSemaphore released too many times",
    ]


@check("synchronization/barrier.py")
def _(run):
    assert run.lines[0] == "main: starting 3 parties"
    lines, times = run.lines[1:], run.times[1:]
    assert lines[:3] == [
        "A: arriving, 0 already waiting",
        "B: arriving, 1 already waiting",
        "C: arriving, 2 already waiting",
    ]
    # The order in which the parties pass is not promised.
    assert sorted(lines[3:]) == [
        "A: passed the barrier",
        "B: passed the barrier",
        "C: passed the barrier",
    ]
    # Nobody passes before the last party arrives, 0.3 s after the tasks start.
    assert times[2] >= 0.29
    assert min(times[3:]) >= 0.29
