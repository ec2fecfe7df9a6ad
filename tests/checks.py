"""The registry of example checks: what each example's output must show.

A chapter's checks live in ``tests/examples/<chapter>.py``::

    @check("coroutines/start_coroutine.py")
    def _(run):
        assert run.lines == [...]

``run`` is a ``tests.checks.Run``: ``lines``, ``text``, ``times``, ``returncode``, ``python``,
and ``procs`` (script name -> ``Run``) for a group of processes.

The tests run examples with ``-X dev``, whose debug mode logs ``Executing <Task ...> took 0.15
seconds`` whenever one step holds the loop for more than 0.1 s, as happens on a loaded machine.
Those lines are left out of ``lines`` and ``times``; ``all_lines`` keeps every line.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
from collections.abc import Callable

from engine import results

CHECKS: dict[str, Callable] = {}
SLOW_STEP = re.compile(r"Executing <.*> took \d+\.\d+ seconds$")  # also after a log prefix


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
    all_lines: list[str] = dataclasses.field(default_factory=list)
    browser: bool = False  # a reader's run in the page (Pyodide), not the build's

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @classmethod
    def of(cls, result: results.Result) -> Run:
        def one(proc: results.Proc, procs: dict[str, Run]) -> Run:
            kept = [
                (t, line)
                for t, line in zip(proc.times, proc.lines, strict=True)
                if not SLOW_STEP.search(line)
            ]
            return cls(
                lines=[line for _, line in kept],
                times=[t for t, _ in kept],
                returncode=proc.returncode,
                python=result.version,
                procs=procs,
                all_lines=proc.lines,
            )

        procs = {script_of(proc): one(proc, {}) for proc in result.procs}
        return one(result.procs[0], procs)


def script_of(proc: results.Proc) -> str:
    """The script a process ran: "echo_client.py" in "python3 echo_client.py 40123"."""
    return next(word for word in proc.command.split() if word.endswith(".py"))


def load_all() -> dict[str, Callable]:
    import tests.examples

    for module in pkgutil.iter_modules(tests.examples.__path__):
        importlib.import_module(f"tests.examples.{module.name}")
    return CHECKS
