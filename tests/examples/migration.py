from tests.checks import check

# Each example tries an old form, catches what Python does with it and prints it, then runs the
# current form. What the old form does depends on the version, so the checks branch on
# run.python. Python 3.14 is not installed here: its branches follow CPython's 3.14 source.


@check("migration/get_event_loop_outside.py")
def _(run):
    if run.python >= (3, 14):
        # 3.14: the default policy no longer creates a loop; get_event_loop() raises.
        assert run.lines == [
            "old form: RuntimeError: There is no current event loop in thread 'MainThread'.",
            "current form: main() finished",
        ]
        return
    if run.python >= (3, 12):
        first = "old form: DeprecationWarning: There is no current event loop"
    else:
        # 3.11.2 and later: the warning 3.11.0/3.11.1 gave was taken out again (gh-100160).
        first = "old form: get_event_loop() created a loop, no warning"
    assert run.lines == [first, "old form: main() finished", "current form: main() finished"]


@check("migration/runner_reuses_loop.py")
def _(run):
    # asyncio.run() cancels the worker as it ends; with a Runner the worker survives between
    # calls, handles the jobs of both submit() calls in order, and is cancelled at close().
    assert run.lines == [
        "after asyncio.run(): worker cancelled: True",
        "worker: handled job 1",
        "worker: handled job 2",
        "between calls: worker still pending: True",
        "worker: handled job 3",
        "after the with block: worker cancelled: True",
    ]


@check("migration/coroutine_decorator.py")
def _(run):
    assert run.lines == [
        "@asyncio.coroutine: AttributeError: module 'asyncio' has no attribute 'coroutine'",
        "yield from in async def: SyntaxError: 'yield from' inside async function",
        "async def + await: data",
    ]


@check("migration/ensure_future_outside.py")
def _(run):
    if run.python >= (3, 14):
        # 3.14: get_event_loop() inside ensure_future() no longer creates a loop.
        assert run.lines[0] == (
            "ensure_future(): RuntimeError: There is no current event loop in thread 'MainThread'."
        )
        rest = run.lines[1:]
    elif run.python >= (3, 12):
        assert run.lines[:2] == [
            "ensure_future(): DeprecationWarning: There is no current event loop",
            "old form: job done",
        ]
        rest = run.lines[2:]
    else:
        assert run.lines[:2] == [
            "ensure_future(): created a loop, no warning",
            "old form: job done",
        ]
        rest = run.lines[2:]
    assert rest == [
        "create_task() outside a loop: RuntimeError: no running event loop",
        "current form: job done",
    ]


@check("migration/wait_for_same_task.py")
def _(run):
    # 3.11 wraps the coroutine in a new task; 3.12+ runs it in the caller's task, under timeout().
    where = "a task of its own" if run.python < (3, 12) else "the caller's task"
    assert run.lines == [
        f"wait_for(): the coroutine ran in {where}",
        "timeout(): the coroutine ran in the caller's task",
        "wait_for() timed out: TimeoutError",
        "asyncio.TimeoutError is TimeoutError: True",
    ]


@check("migration/gather_vs_task_group.py")
def _(run):
    # gather() leaves the other task running (the example cancels it); TaskGroup cancels it.
    assert run.lines == [
        "gather raised ValueError('fail() failed'); other still running: True",
        "gather's other task: cancelled",
        "group's other task: cancelled",
        "TaskGroup raised (ValueError('fail() failed'),); other cancelled: True",
    ]


@check("migration/loop_factory.py")
def _(run):
    if run.python >= (3, 14):
        # 3.14 deprecates the policy system (removal planned for 3.16); both calls warn.
        assert run.lines[:2] == [
            "policy functions: DeprecationWarning: 'asyncio.get_event_loop_policy' is "
            "deprecated and slated for removal in Python 3.16",
            "policy functions: DeprecationWarning: 'asyncio.set_event_loop_policy' is "
            "deprecated and slated for removal in Python 3.16",
        ]
        rest = run.lines[2:]
    else:
        assert run.lines[0] == "policy functions: no warning"
        rest = run.lines[1:]
    assert rest[:2] == ["asyncio.run(): TracingLoop", "asyncio.Runner: TracingLoop"]
    assert rest[2].startswith("default: ") and rest[2] != "default: TracingLoop"
    assert len(rest) == 3


@check("migration/child_watcher.py")
def _(run):
    if run.python >= (3, 14):
        first = (
            "get_child_watcher(): AttributeError: module 'asyncio' has no attribute "
            "'get_child_watcher'"
        )
    elif run.python >= (3, 12):
        first = (
            "get_child_watcher(): DeprecationWarning: 'get_child_watcher' is deprecated as of "
            "Python 3.12 and will be removed in Python 3.14."
        )
    else:
        assert run.lines[0].startswith("get_child_watcher(): ")
        assert run.lines[0].endswith("ChildWatcher, no warning")
        first = run.lines[0]
    assert run.lines == [first, "child said 'hello from the child', exit code 0"]


@check("migration/removed_lock_forms.py")
def _(run):
    if run.python >= (3, 14):
        # The wording of the "not awaitable" TypeError changed in 3.14 (gh-114091).
        assert run.lines[0] == "with await lock: TypeError: 'Lock' object can't be awaited"
    else:
        assert run.lines[0] == (
            "with await lock: TypeError: object Lock can't be used in 'await' expression"
        )
    assert run.lines[1:] == [
        "lock left unlocked: True",
        "Lock(loop=loop): TypeError: Lock.__init__() got an unexpected keyword argument 'loop'",
        "inside async with: locked=True",
        "after async with: locked=False",
    ]
