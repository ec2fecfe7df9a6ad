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
    assert sorted(line for line in lines if line.endswith(": stopping")) == [
        "consumer 0: stopping",
        "consumer 1: stopping",
    ]
    # join() returns only after every item, stop markers included, is marked done.
    assert lines[-1] == "producer: done"


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
    assert run.lines[0] == "main: starting 5 workers"
    lines, times = run.lines, run.times
    starts = [k for k, line in enumerate(lines) if ": starting, " in line]
    counts = [int(lines[k].split(", ")[1].split()[0]) for k in starts]
    assert len(starts) == 5
    assert max(counts) == 2  # never more than the semaphore's value
    assert sorted(line for line in lines if line.endswith(": done")) == [
        f"worker {n}: done" for n in range(5)
    ]
    # Each worker holds the semaphore for 0.1 s, so the workers start in three waves.
    # Offsets count from the process start, so they can only be later than the sleeps.
    assert times[starts[2]] >= 0.09
    assert times[starts[4]] >= 0.19


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
