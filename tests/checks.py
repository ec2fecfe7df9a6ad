"""The registry of example checks: what each example's output must show.

A chapter's checks live in ``tests/examples/<chapter>.py``::

    @check("coroutines/start_coroutine.py")
    def _(run):
        assert run.lines == [...]

``run`` is a ``tests.checks.Run``: ``lines``, ``text``, ``times``, ``returncode``, ``python``,
and ``procs`` (script name -> ``Run``) for a group of processes.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from collections.abc import Callable

from tools import runner

CHECKS: dict[str, Callable] = {}


def check(name: str) -> Callable[[Callable], Callable]:
    def register(func: Callable) -> Callable:
        if name in CHECKS:
            raise ValueError(f"two checks for {name}")
        CHECKS[name] = func
        return func

    return register


@dataclasses.dataclass
class Run:
    lines: list[str]
    times: list[float]
    returncode: int | None
    python: tuple[int, int]
    procs: dict[str, Run]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @classmethod
    def of(cls, result: runner.Result) -> Run:
        procs = {
            proc.command.split()[1]: cls(
                proc.lines, proc.times, proc.returncode, result.version, {}
            )
            for proc in result.procs
        }
        first = result.procs[0]
        return cls(first.lines, first.times, first.returncode, result.version, procs)


def load_all() -> dict[str, Callable]:
    import tests.examples

    for module in pkgutil.iter_modules(tests.examples.__path__):
        importlib.import_module(f"tests.examples.{module.name}")
    return CHECKS
