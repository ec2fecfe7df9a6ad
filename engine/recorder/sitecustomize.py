"""Record when each asyncio task runs, for the guide's task lanes. Does nothing unless asked.

The runner puts this folder on ``PYTHONPATH`` and names a side file in ``GUIDE_TASK_LOG`` for the
examples whose timing a page shows. Python imports ``sitecustomize`` at start-up; this one then

- takes both variables out of ``os.environ`` and this folder out of ``sys.path``, so the example
  and any process it starts see the environment they would have seen without it;
- times each task step: the event loop runs every step of a task (its first one, and each one
  after the future it awaited is done) as a ``Handle`` whose callback is bound to the task. One
  clock reading before and one after each callback the loop runs is all it adds: no per-frame
  events (``sys.monitoring``, ``sys.setprofile``) that would also fire for every coroutine a task
  awaits inside one step;
- writes ``[[name, coroutine, [[start, end], ...]], ...]`` (``time.monotonic()`` seconds) to
  the side file at exit, never to stdout or stderr. A forked child records nothing.
"""

import os
import sys

_PATH = os.environ.pop("GUIDE_TASK_LOG", "")
if _PATH:
    _HERE = os.path.dirname(os.path.abspath(__file__))
    if os.environ.get("PYTHONPATH") == _HERE:
        del os.environ["PYTHONPATH"]
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]


def _install(path: str) -> None:
    import atexit
    import json
    import time
    from asyncio import events, tasks

    clock = time.monotonic
    task_type = tasks.Task
    steps: dict[int, list] = {}  # id(task) -> [task, [[start, end], ...]]
    owner = os.getpid()
    original = events.Handle._run

    def _run(self):
        task = getattr(self._callback, "__self__", None)
        if not isinstance(task, task_type) or os.getpid() != owner:
            return original(self)
        start = clock()
        try:
            return original(self)
        finally:
            entry = steps.get(id(task))
            if entry is None or entry[0] is not task:
                entry = steps[id(task)] = [task, []]
            entry[1].append((start, clock()))

    def _write() -> None:
        if os.getpid() != owner:
            return
        out = []
        for task, spans in steps.values():
            coro = task.get_coro()
            name = getattr(coro, "__qualname__", "") or type(coro).__name__
            out.append([task.get_name(), name, [[round(a, 6), round(b, 6)] for a, b in spans]])
        out.sort(key=lambda entry: entry[2][0][0])
        try:
            with open(path, "w", encoding="utf-8") as f:
                json.dump(out, f)
        except OSError:
            pass

    events.Handle._run = _run
    atexit.register(_write)


if _PATH:
    try:
        _install(_PATH)
    except Exception:  # never disturb the example
        pass
