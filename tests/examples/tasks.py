from tests.checks import check


@check("tasks/create_task.py")
def _(run):
    created, done_before, running, finished, done_after, returned = run.lines
    # A new task is pending and has not run yet: create_task() only schedules it.
    assert created.startswith("created:  <Task pending name='Task-2' coro=<compute() running at ")
    assert "create_task.py:4" in created
    assert done_before == "done? False"
    assert running == "compute: running"
    assert finished.startswith(
        "finished: <Task finished name='Task-2' coro=<compute() done, defined at "
    )
    assert "result='the result'" in finished
    assert done_after == "done? True"
    assert returned == "await returned 'the result'"
    # In debug mode (the tests run with -X dev) the repr ends with "created at FILE:LINE", and
    # FILE is asyncio's own tasks.py (inside asyncio.create_task()), not this example.
    for line in (created, finished):
        if " created at " in line:
            where = line.rsplit(" created at ", 1)[1].rstrip(">")
            assert where.rsplit(":", 1)[0].endswith("asyncio/tasks.py"), where


@check("tasks/cancel_before_start.py")
def _(run):
    assert len(run.lines) == 3
    assert run.lines[0].startswith(
        "after cancel(): <Task cancelling name='Task-2' coro=<compute() running at "
    )
    # The coroutine never ran: its first line is not in the output.
    assert "compute: running" not in run.lines
    assert run.lines[1:] == ["await raised CancelledError", "cancelled? True"]


@check("tasks/cancel_while_waiting.py")
def _(run):
    assert run.lines == [
        "download: connecting",
        "main: cancelling the task",
        "download: CancelledError raised at the await",
        "download: closing the connection",
        "main: the task ended with CancelledError",
        "main: cancelled? True",
    ]


@check("tasks/cancel_message.py")
def _(run):
    assert run.lines == [
        "worker: caught CancelledError('shutting down')",
        "main: caught CancelledError('shutting down')",
    ]


@check("tasks/cancelling_uncancel.py")
def _(run):
    assert run.lines == [
        "main: after cancel(), cancelling() = 1",
        "stubborn: first cancel, cancelling() = 1",
        "stubborn: uncancel() returns 0, carrying on",
        "main: task still running? True",
        "stubborn: second cancel, cancelling() = 1",
        "main: task cancelled? True",
    ]


@check("tasks/ensure_future.py")
def _(run):
    assert run.lines == [
        "coroutine -> Task, same object: False",
        "  result: 'from a coroutine'",
        "Task -> Task, same object: True",
        "  result: 'from a coroutine'",
        "Future -> Future, same object: True",
        "  result: 'from a Future'",
        "Ticket -> Task, same object: False",
        "  result: 'from a Ticket'",
        "create_task(Ticket()) raised TypeError: it takes coroutines only",
    ]


@check("tasks/task_names.py")
def _(run):
    assert run.lines[:4] == [
        "main() runs in Task-1",
        "default name: Task-2",
        "given name:   fetch-users",
        "renamed:      fetch-orders",
    ]
    assert run.lines[4].startswith("repr: <Task pending name='fetch-orders' coro=<work()")
    assert run.lines[5] == "all tasks: ['Task-1', 'fetch-orders', 'fetch-users']"
    assert len(run.lines) == 6


@check("tasks/lost_task.py")
def _(run):
    # The task waits on an Event that only it can reach; the garbage collector destroys it.
    # Not silent: asyncio logs the destruction (with or without debug mode) and the coroutine
    # is closed, so its finally block runs. When exactly the collector runs is not the lesson,
    # so only the first and last lines have a fixed place.
    assert run.lines[0] == "worker: waiting for an event that only this task can reach"
    assert run.lines[-1] == "main: done"
    assert "main: collecting garbage" in run.lines
    assert "worker: finally block runs as the coroutine is closed" in run.lines
    assert "Task was destroyed but it is pending!" in run.lines
    assert any(line.startswith("task: <Task pending name='Task-2'") for line in run.lines)
    assert "worker: event set" not in run.lines


@check("tasks/keep_references.py")
def _(run):
    # The sleeps are 0.3, 0.1 and 0.2 s, so the jobs end in the order b, c, a;
    # discard() was registered first, so each report sees the set already shrunk.
    assert run.lines == [
        "main: started 3 tasks; the set holds a reference to each",
        "job-b finished: 2 still in the set",
        "job-c finished: 1 still in the set",
        "job-a finished: 0 still in the set",
        "main: 0 tasks left in the set",
    ]


@check("tasks/eager_task_factory.py")
def _(run):
    assert run.python >= (3, 12)
    assert run.lines == [
        # Default: create_task() returns first, the child runs later.
        "default: calling create_task()",
        "default: create_task() returned, done=False",
        "default: child starts",
        "default: child ends",
        # Eager: the child runs inside create_task() and, never pausing, finishes there.
        "eager: calling create_task()",
        "eager: child starts",
        "eager: child ends",
        "eager: create_task() returned, done=True",
        # Eager, but the child pauses at an await: create_task() returns at that point.
        "eager+await: calling create_task()",
        "eager+await: child starts",
        "eager+await: create_task() returned, done=False",
        "eager+await: child ends",
    ]
