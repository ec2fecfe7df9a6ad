"""What a run of an example gives: each process's command, exit code and timed output lines,
and the transcript a page shows of it."""

from __future__ import annotations

import dataclasses

HEAD_LINES = 400  # kept from the start of a long output
TAIL_LINES = 100  # kept from its end


@dataclasses.dataclass
class Proc:
    command: str  # as shown: "python3 echo_client.py 40123"
    returncode: int | None  # None: killed at the timeout
    lines: list[str]
    times: list[float]
    cut: int = 0  # lines left out of the middle of a long output

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclasses.dataclass
class Result:
    name: str
    python: str  # "3.12.1"
    procs: list[Proc]
    seconds: float
    error: str = ""  # why the run is a failure ("" when it is not)
    skipped: str = ""  # why it did not run ("" when it ran)
    # Timing examples: each task's [name, coroutine, [[start, end], ...]], its steps in seconds
    # from the start of the run (as Proc.times), recorded by engine/recorder/sitecustomize.py.
    tasks: list = dataclasses.field(default_factory=list)

    @property
    def version(self) -> tuple[int, int]:
        return tuple(int(p) for p in self.python.split(".")[:2])  # type: ignore[return-value]

    def to_json(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Result:
        procs = [Proc(**p) for p in data.pop("procs")]
        return cls(procs=procs, **data)


def transcript(result: Result, *, timing: bool = False) -> str:
    """The result as a terminal would show it: each command, then its output."""
    parts = []
    for proc in result.procs:
        lines = [f"$ {proc.command}"]
        # Offsets count from the first line, so the interpreter's start-up is left out.
        first = proc.times[0] if proc.times else 0.0
        for i, (t, line) in enumerate(zip(proc.times, proc.lines, strict=True)):
            if proc.cut and i == HEAD_LINES:
                lines.append(f"[... {proc.cut} lines cut ...]")
            lines.append(f"[+{t - first:4.2f}s] {line}" if timing else line)
        if proc.returncode is None:
            lines.append("[killed at the timeout]")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)
