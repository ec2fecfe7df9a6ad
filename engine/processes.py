"""Run an example now: its processes, each in a process group of its own, under a deadline.

A script runs as ``python -W error [-X dev] <file>`` in its chapter's folder, with a fixed
environment and a scratch home. A group starts its server, waits for the line that names its
port, runs each client with that port, then sends the server Ctrl-C. The output's machine paths
are replaced, long outputs keep their head and tail, and a timing example's tasks are recorded
by ``recorder/sitecustomize.py``.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from pathlib import Path

from engine import ROOT, SNIPPETS, certs
from engine.examples import Example
from engine.interpreters import interpreter_for, python_version
from engine.results import HEAD_LINES, TAIL_LINES, Proc, Result

READY_TIMEOUT = 10.0
MAX_LINE = 4000  # characters kept of one line
PORT_LINE = re.compile(r"127\.0\.0\.1:(\d+)")  # a group's server prints this once it listens
RECORDER = Path(__file__).resolve().parent / "recorder"  # sitecustomize.py: the task recorder


if threading.current_thread() is threading.main_thread() and (
    signal.getsignal(signal.SIGINT) == signal.SIG_IGN
):
    # Started in the background, a shell leaves SIGINT ignored, and children inherit that:
    # Ctrl-C examples and group servers would never see the build's SIGINT.
    signal.signal(signal.SIGINT, signal.default_int_handler)


def _environment(home: str) -> dict[str, str]:
    """A fixed environment, so output does not depend on who started the build or where."""
    return {
        "PATH": os.environ.get("PATH", os.defpath),
        "HOME": home,
        "TMPDIR": home,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONUNBUFFERED": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONHASHSEED": "0",
        "PYTHON_COLORS": "0",
        "NO_COLOR": "1",
        "TERM": "dumb",
        "COLUMNS": "88",
    }


@functools.cache
def _prefixes(python: str) -> tuple[str, ...]:
    return tuple(
        subprocess.run(
            [python, "-c", "import sys; print(sys.prefix); print(sys.base_prefix)"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
    )


def _cleaner(python: str, home: str):
    """Replace the build machine's paths in output by repository-relative or neutral ones."""
    prefix = _prefixes(python)
    root = str(SNIPPETS.parent)  # the repository (a scratch copy's, in tests)
    pairs = [(root + os.sep, ""), (root, ".")]
    pairs += [(p, "/usr") for p in prefix if p]
    pairs += [(home, "/tmp/example"), (sys.prefix, "/usr"), (sys.base_prefix, "/usr")]
    if os.environ.get("HOME", "/") != "/":
        pairs.append((os.environ["HOME"], "~"))
    pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
    control = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|[\x00-\x08\x0b-\x1f\x7f]")

    def clean(line: str) -> str:
        for old, new in pairs:
            line = line.replace(old, new)
        line = control.sub(lambda m: "" if m.group().startswith("\x1b") else "\ufffd", line)
        return line if len(line) <= MAX_LINE else line[:MAX_LINE] + " [line cut]"

    return clean


class _Reader(threading.Thread):
    """Collect a pipe's lines with their time offsets, keeping only head and tail of a flood."""

    def __init__(self, pipe, start: float, clean, on_line=None):
        super().__init__(daemon=True)
        self.pipe, self.start_time, self.clean, self.on_line = pipe, start, clean, on_line
        self.head: list[tuple[float, str]] = []
        self.tail: deque[tuple[float, str]] = deque(maxlen=TAIL_LINES)
        self.cut = 0

    def run(self) -> None:
        for raw in iter(lambda: self.pipe.readline(MAX_LINE * 4), b""):
            offset = time.monotonic() - self.start_time
            line = self.clean(raw.decode("utf-8", "replace").rstrip("\r\n"))
            if self.on_line:
                self.on_line(line)
            if len(self.head) < HEAD_LINES:
                self.head.append((offset, line))
            else:
                if len(self.tail) == self.tail.maxlen:
                    self.cut += 1
                self.tail.append((offset, line))
        self.pipe.close()

    def proc(self, command: str, returncode: int | None) -> Proc:
        pairs = self.head + list(self.tail)
        return Proc(
            command=command,
            returncode=returncode,
            lines=[line for _, line in pairs],
            times=[round(t, 3) for t, _ in pairs],
            cut=self.cut,
        )


def _kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def _start(
    python: str,
    script: str,
    args: list[str],
    dev: bool,
    home: str,
    nice: bool = False,
    module: str = "",
    task_log: str = "",
):
    command = [python, "-W", "error"]
    if dev:
        command += ["-X", "dev"]
    if module:
        command += ["-m", *module.split()]
    command += [Path(script).name, *args]
    env = _environment(home)
    if task_log:  # the recorder takes both out of the example's os.environ and sys.path
        env.update(PYTHONPATH=str(RECORDER), GUIDE_TASK_LOG=task_log)
    process = subprocess.Popen(
        command,
        cwd=SNIPPETS / Path(script).parent,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, killed whole at the timeout
    )
    if nice:
        # Examples whose timing is shown get the CPU first when many run at once.
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, process.pid, 10)
    return process


def _log_start(name: str, version: str) -> None:
    """One line per run started, ``<example> <version>``, to the file ``GUIDE_RUN_LOG`` names."""
    log = os.environ.get("GUIDE_RUN_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{name} {version}\n")


def run(example: Example, *, dev: bool = False, python: str | None = None) -> Result:
    """Run an example now (no cache) and return what it printed."""
    python = python or interpreter_for(example)
    if python is None:
        wanted = ".".join(map(str, example.min_python))
        return Result(
            example.name,
            "",
            [],
            0.0,
            skipped=f"needs Python {wanted}+; no such interpreter was found on this machine",
        )
    version = ".".join(map(str, python_version(python) or ()))
    if tuple(int(p) for p in version.split(".")[:2]) < example.min_python:
        wanted = ".".join(map(str, example.min_python))
        return Result(example.name, version, [], 0.0, skipped=f"needs Python {wanted}+")
    if any("certs" in Path(r).parts for r in example.reads):
        certs.ensure_certificates(ROOT)
    _log_start(example.name, version)
    tasks: list = []
    with (
        tempfile.TemporaryDirectory(prefix="guide-example-") as home,
        tempfile.TemporaryDirectory(prefix="guide-tasks-") as side,
    ):
        clean = _cleaner(python, home)
        start = time.monotonic()
        deadline = start + example.timeout
        if example.is_group:
            procs, error = _run_group(example, python, dev, home, clean, start, deadline)
        else:
            task_log = os.path.join(side, "tasks.json") if example.timing else ""
            procs, error = _run_one(example, python, dev, home, clean, start, deadline, task_log)
            if task_log:
                tasks = _read_tasks(task_log, start)
        seconds = round(time.monotonic() - start, 3)
    return Result(example.name, version, procs, seconds, error=error, tasks=tasks)


def _read_tasks(path: str, start: float) -> list:
    """The recorder's side file as offsets from ``start``; asyncio.run()'s own clean-up left out."""
    try:
        with open(path, encoding="utf-8") as f:
            recorded = json.load(f)
    except (OSError, ValueError):
        return []
    return [
        [name, coro, [[round(a - start, 4), round(b - start, 4)] for a, b in steps]]
        for name, coro, steps in recorded
        if steps and not coro.startswith("BaseEventLoop.")
    ]


def _command_text(script: str, args: list[str], module: str = "") -> str:
    run_as = ["-m", *module.split()] if module else []
    return " ".join(["python3", *run_as, Path(script).name, *args])


def _run_one(example, python, dev, home, clean, start, deadline, task_log=""):
    script = example.scripts[0]
    process = _start(
        python,
        script,
        [],
        dev,
        home,
        nice=not example.timing,
        module=example.module,
        task_log=task_log,
    )
    reader = _Reader(process.stdout, start, clean)
    reader.start()
    try:
        process.wait(timeout=max(0.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        _kill_group(process)
        reader.join(5)
        proc = reader.proc(_command_text(script, [], example.module), None)
        return [proc], f"timed out after {example.timeout:g} s and was killed"
    # A child the example left behind must not hold the pipe open, nor outlive the example.
    _kill_group(process)
    reader.join(5)
    proc = reader.proc(_command_text(script, [], example.module), process.returncode)
    error = ""
    if process.returncode != example.returncode:
        error = f"exited with code {process.returncode}, expected {example.returncode}"
    return [proc], error or _swallowed(proc)


def _swallowed(proc: Proc) -> str:
    """A warning turned error inside __del__ or at exit is only printed: catch it here."""
    for line in proc.lines:
        if line.startswith("Exception ignored"):
            return f"printed {line!r} (a warning that -W error turned into an exception)"
    return ""


def _run_group(example, python, dev, home, clean, start, deadline):
    server_script, *client_scripts = example.scripts
    ready = threading.Event()
    port: list[str] = []

    def watch(line: str) -> None:
        if not ready.is_set():
            match = PORT_LINE.search(line)
            if match:
                port.append(match.group(1))
                ready.set()

    server = _start(python, server_script, [], dev, home)
    server_reader = _Reader(server.stdout, start, clean, on_line=watch)
    server_reader.start()
    procs: list[Proc] = []
    error = ""
    clients: list[tuple[subprocess.Popen, _Reader, str]] = []
    try:
        ready_by = min(deadline, time.monotonic() + READY_TIMEOUT)
        while not ready.wait(0.05):
            if server.poll() is not None:
                error = f"server {server_script} exited before it was ready"
                break
            if time.monotonic() > ready_by:
                error = f"server {server_script} was not ready after {READY_TIMEOUT:g} s"
                break
        for script in client_scripts if not error else []:
            client = _start(python, script, port, dev, home)
            reader = _Reader(client.stdout, start, clean)
            reader.start()
            clients.append((client, reader, script))
            try:
                client.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                error = f"client {script} timed out after {example.timeout:g} s and was killed"
                break
            if client.returncode != 0:
                error = f"client {script} exited with code {client.returncode}"
                break
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGINT)
            try:
                server.wait(timeout=max(1.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                error = error or f"server {server_script} did not stop after Ctrl-C"
        if not error and server.returncode != example.returncode:
            error = f"server {server_script} exited with code {server.returncode}"
    finally:
        for process in [server, *(c for c, _, _ in clients)]:
            _kill_group(process)
    server_reader.join(5)
    procs.append(server_reader.proc(_command_text(server_script, []), server.returncode))
    for client, reader, script in clients:
        reader.join(5)
        procs.append(reader.proc(_command_text(script, port), client.returncode))
    for proc in procs:
        error = error or _swallowed(proc)
    return procs, error
