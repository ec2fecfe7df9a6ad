"""Run the guide's examples as real subprocesses and cache what they printed.

An example is a file under ``snippets/`` (``coroutines/start_coroutine.py``) or a group of
processes declared in a chapter's ``examples.toml`` (``streams/echo``). Running one gives a
``Result``: each process's command, exit code and output lines with their time offsets.

Results are cached in ``.cache/examples/`` under a key made of everything that can change the
output: the example's files, the files it declares it reads, its options, the interpreter's
version and this runner's own code. Entries are written atomically and carry a checksum, so a
truncated or corrupt entry is detected and run again.

Usage: ``python tools/runner.py [--fresh] [--dev] snippets/<chapter>/<file>.py ...``
prints each example's transcript as the page shows it.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
DEFAULT_TIMEOUT = 20.0
READY_TIMEOUT = 10.0
HEAD_LINES = 400  # kept from the start of a long output
TAIL_LINES = 100  # kept from its end
MAX_LINE = 4000  # characters kept of one line
MIN_PYTHON = (3, 11)
PORT_LINE = re.compile(r"127\.0\.0\.1:(\d+)")  # a group's server prints this once it listens
RECORDER = Path(__file__).resolve().parent / "recorder"  # sitecustomize.py: the task recorder


if threading.current_thread() is threading.main_thread() and (
    signal.getsignal(signal.SIGINT) == signal.SIG_IGN
):
    # Started in the background, a shell leaves SIGINT ignored, and children inherit that:
    # Ctrl-C examples and group servers would never see the runner's SIGINT.
    signal.signal(signal.SIGINT, signal.default_int_handler)


class ExampleError(Exception):
    """An example could not be found, declared or run as its options say."""


# ---------------------------------------------------------------- declarations


@dataclasses.dataclass(frozen=True)
class Example:
    name: str  # "chapter/file.py" or "chapter/group"
    scripts: tuple[str, ...]  # paths relative to snippets/, server first in a group
    timeout: float = DEFAULT_TIMEOUT
    returncode: int = 0
    min_python: tuple[int, int] = MIN_PYTHON
    reads: tuple[str, ...] = ()  # paths relative to snippets/<chapter>/
    timing: bool = False
    module: str = ""  # "unittest -v": run as python -m unittest -v <file>
    browser: bool | str | None = None  # runs in the page (tools/pyodide.py): true, or why not

    @property
    def chapter(self) -> str:
        return self.name.split("/", 1)[0]

    @property
    def is_group(self) -> bool:
        return not self.name.endswith(".py")

    def files(self) -> list[Path]:
        """Every file whose content decides this example's output."""
        here = SNIPPETS / self.chapter
        return [SNIPPETS / s for s in self.scripts] + [(here / r).resolve() for r in self.reads]


_OPTION_TYPES = {
    "timeout": (int, float),
    "returncode": int,
    "min_python": str,
    "reads": list,
    "timing": bool,
    "processes": list,
    "module": str,
    "browser": (bool, str),
}
_BOOL_OPTIONS = {"timing", "browser"}


def _manifest(chapter: str) -> dict:
    path = SNIPPETS / chapter / "examples.toml"
    if not path.exists():
        return {}
    with path.open("rb") as f:
        data = tomllib.load(f)
    for key, options in data.items():
        if not isinstance(options, dict):
            raise ExampleError(f"{path.relative_to(ROOT)}: [{key}] must be a table")
        for option, value in options.items():
            if option not in _OPTION_TYPES:
                raise ExampleError(
                    f"{path.relative_to(ROOT)}: [{key}] has an unknown option {option!r}"
                )
            if not isinstance(value, _OPTION_TYPES[option]) or (
                isinstance(value, bool) and option not in _BOOL_OPTIONS
            ):
                raise ExampleError(
                    f"{path.relative_to(ROOT)}: [{key}] option {option!r} has a wrong type"
                )
    return data


def load(name: str) -> Example:
    """The example called ``name`` ("chapter/file.py" or "chapter/group")."""
    if name.count("/") != 1:
        raise ExampleError(f"example {name!r}: expected 'chapter/file.py' or 'chapter/group'")
    chapter, key = name.split("/")
    options = dict(_manifest(chapter).get(key, {}))
    if key.endswith(".py"):
        if "processes" in options:
            raise ExampleError(f"example {name!r}: only a group may list processes")
        if not options.get("module", "x").split():
            raise ExampleError(f"example {name!r}: module names no module")
        scripts = (name,)
    else:
        if "processes" not in options:
            raise ExampleError(
                f"example {name!r}: no such group in snippets/{chapter}/examples.toml"
            )
        if "module" in options:
            raise ExampleError(f"example {name!r}: a group cannot run as a module")
        scripts = tuple(f"{chapter}/{p}" for p in options.pop("processes"))
        if len(scripts) < 2:
            raise ExampleError(f"example {name!r}: a group needs a server and a client")
    for script in scripts:
        if not (SNIPPETS / script).is_file():
            raise ExampleError(f"example {name!r}: snippets/{script} does not exist")
    if "min_python" in options:
        options["min_python"] = tuple(int(p) for p in options["min_python"].split("."))
    options["reads"] = tuple(options.get("reads", ()))
    if any("certs" in Path(r).parts for r in options["reads"]):
        _certificates_ready()  # made on first need, remade when close to expiry
    example = Example(name=name, scripts=scripts, **options)
    for path in example.files():
        if not path.is_file():
            raise ExampleError(f"example {name!r}: declared file {path} does not exist")
    return example


_certificates_lock = threading.Lock()
_certificates_checked = False


def _certificates_ready() -> None:
    """Make the TLS certificates under certs/ if missing or expiring (once per process)."""
    global _certificates_checked
    with _certificates_lock:
        if not _certificates_checked:
            from tools.certs import ensure_certificates

            ensure_certificates(ROOT)
            _certificates_checked = True


def discover(problems: list[str] | None = None) -> list[Example]:
    """Every example: each script not starting with "_" that no group claims, and each group.

    A declaration that cannot be read raises ``ExampleError``, or, when a ``problems`` list is
    given, is appended to it and left out, so that the other examples can still run.
    """
    examples: list[Example] = []

    def add(name: str) -> None:
        try:
            examples.append(load(name))
        except ExampleError as error:
            if problems is None:
                raise
            problems.append(str(error))

    for chapter_dir in sorted(p for p in SNIPPETS.iterdir() if p.is_dir()):
        chapter = chapter_dir.name
        try:
            manifest = _manifest(chapter)
        except (ExampleError, tomllib.TOMLDecodeError) as error:
            if problems is None:
                raise
            problems.append(f"snippets/{chapter}/examples.toml: {error}")
            manifest = {}
        claimed: set[str] = set()
        for key, options in manifest.items():
            if "processes" in options:
                add(f"{chapter}/{key}")
                claimed.update(options["processes"])
            elif not (chapter_dir / key).is_file():
                problem = f"snippets/{chapter}/examples.toml: [{key}] names no example file"
                if problems is None:
                    raise ExampleError(problem)
                problems.append(problem)
        for script in sorted(chapter_dir.glob("*.py")):
            if not script.name.startswith("_") and script.name not in claimed:
                add(f"{chapter}/{script.name}")
    return sorted(examples, key=lambda e: e.name)


# ---------------------------------------------------------------- interpreters


@functools.cache
def python_version(executable: str) -> tuple[int, ...] | None:
    try:
        out = subprocess.run(
            [executable, "-c", "import sys; print(*sys.version_info[:3])"],
            capture_output=True,
            text=True,
            timeout=20,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return tuple(int(p) for p in out.split())


def _candidates() -> list[str]:
    """Interpreters to try, oldest minor version first (pyenv's shims are skipped: slow)."""
    if os.environ.get("GUIDE_PYTHONS"):
        return os.environ["GUIDE_PYTHONS"].split(os.pathsep)
    candidates = [sys.executable]
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    for minor in range(11, 20):
        found = shutil.which(f"python3.{minor}")
        if found and "shims" not in Path(found).parts:
            candidates.append(found)
        candidates += sorted(
            str(p) for p in pyenv_root.glob(f"versions/3.{minor}.*/bin/python3.{minor}")
        )
    return candidates


@functools.cache
def find_pythons() -> dict[tuple[int, int], str]:
    """CPython 3.11+ interpreters on this machine, by minor version.

    ``GUIDE_PYTHONS`` (a ``os.pathsep``-separated list) replaces the search. Otherwise the
    running interpreter, ``python3.X`` on PATH and pyenv's versions are tried.
    """
    pythons: dict[tuple[int, int], str] = {}
    for candidate in _candidates():
        version = python_version(candidate)
        if version and version[:2] >= MIN_PYTHON and version[:2] not in pythons:
            pythons[version[:2]] = candidate
    return dict(sorted(pythons.items()))


def pythons_for(example: Example) -> list[str]:
    """Every local interpreter new enough for the example, oldest first (the build runs each)."""
    return [path for version, path in find_pythons().items() if version >= example.min_python]


_interpreter_lock = threading.Lock()
_interpreter_cache: dict[tuple[int, int], str | None] = {}


def interpreter_for(example: Example) -> str | None:
    """The build's own interpreter if it is new enough, else the oldest local one that is."""
    if sys.version_info[:2] >= example.min_python:
        return sys.executable
    with _interpreter_lock:
        if example.min_python not in _interpreter_cache:
            found = None
            for candidate in _candidates():  # stop at the first that will do
                version = python_version(candidate)
                if version and version[:2] >= example.min_python:
                    found = candidate
                    break
            _interpreter_cache[example.min_python] = found
        return _interpreter_cache[example.min_python]


# ---------------------------------------------------------------- results


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
    # from the start of the run (as Proc.times), recorded by tools/recorder/sitecustomize.py.
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


# ---------------------------------------------------------------- running


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
        from tools.certs import ensure_certificates

        ensure_certificates(ROOT)
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


# ---------------------------------------------------------------- cache


def _cache_dir() -> Path:
    return Path(os.environ.get("GUIDE_CACHE_DIR", ROOT / ".cache" / "examples"))


@functools.cache
def _runner_code_hash() -> str:
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update((RECORDER / "sitecustomize.py").read_bytes())
    return h.hexdigest()


def cache_key(example: Example, python: str, dev: bool) -> str:
    h = hashlib.sha256()
    h.update(json.dumps(dataclasses.asdict(example), sort_keys=True).encode())
    h.update(f"{python_version(python)}|{python}|{dev}|{_runner_code_hash()}".encode())
    for path in example.files():
        h.update(str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path).encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _read_entry(path: Path) -> Result | None:
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        body = json.dumps(entry["result"], sort_keys=True)
        if hashlib.sha256(body.encode()).hexdigest() != entry["checksum"]:
            return None
        fresh = os.environ.get("GUIDE_FRESH")
        if fresh and entry.get("fresh") != fresh:
            return None
        return Result.from_json(entry["result"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_entry(path: Path, result: Result) -> None:
    body = json.dumps(result.to_json(), sort_keys=True)
    entry = {
        "checksum": hashlib.sha256(body.encode()).hexdigest(),
        "fresh": os.environ.get("GUIDE_FRESH"),
        "result": result.to_json(),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(entry, f)
    os.replace(tmp, path)


_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def cached_run(example: Example, *, dev: bool = False, python: str | None = None) -> Result:
    """The example's result from the cache, running it first if there is none yet.

    ``GUIDE_FRESH`` set to a token (the build sets a new one per build) accepts only entries
    written under that same token: every example runs afresh once, and both languages of that
    build still share the run.
    """
    python = python or interpreter_for(example)
    if python is None:
        return run(example, dev=dev)
    key = cache_key(example, python, dev)
    with _locks_guard:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:  # two threads asking for the same example run it once
        path = _cache_dir() / f"{key}.json"
        result = _read_entry(path)
        if result is None:
            result = run(example, dev=dev, python=python)
            if not result.skipped:
                _write_entry(path, result)
        return result


def cached_runs(example: Example, *, dev: bool = False) -> list[Result]:
    """The example's result on every local interpreter new enough for it, newest first.

    With none new enough, a single skipped result says which version it needs.
    """
    pythons = pythons_for(example)
    if not pythons:
        return [run(example, dev=dev, python=None)]
    return [cached_run(example, dev=dev, python=p) for p in reversed(pythons)]


def run_versions(
    examples: list[Example], *, dev: bool = False, jobs: int = 0
) -> dict[str, list[Result]]:
    """``cached_runs`` of many examples, every (example, interpreter) pair at once."""
    # Most runs wait rather than compute: twelve per core keep the cores busy.
    jobs = jobs or int(os.environ.get("GUIDE_JOBS", 0)) or max(12, 12 * (os.cpu_count() or 1))
    done: dict[str, list[Result]] = {e.name: [] for e in examples}
    pairs = []
    for example in examples:
        for python in reversed(pythons_for(example)):
            # What the cache has is read here: threads would only make that slower.
            path = _cache_dir() / f"{cache_key(example, python, dev)}.json"
            if (result := _read_entry(path)) is not None:
                done[example.name].append(result)
            else:
                pairs.append((example, python))
    # The longest first, so that none of them starts last and holds the build up.
    pairs.sort(key=lambda pair: -pair[0].timeout)
    if pairs:
        with concurrent.futures.ThreadPoolExecutor(min(jobs, len(pairs))) as pool:
            futures = [(e.name, pool.submit(cached_run, e, dev=dev, python=p)) for e, p in pairs]
            for name, future in futures:
                done[name].append(future.result())
    for example in examples:
        if not done[example.name]:
            done[example.name] = [run(example, dev=dev, python=None)]
        done[example.name].sort(key=lambda r: python_version_key(r.python), reverse=True)
    return done


def python_version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split(".") if p.isdigit())


def run_many(
    examples: list[Example], *, dev: bool = False, python: str | None = None, jobs: int = 0
) -> dict[str, Result]:
    """Run (or fetch from the cache) many examples at once; most of them wait, not compute."""
    jobs = jobs or int(os.environ.get("GUIDE_JOBS", 0)) or max(4, 4 * (os.cpu_count() or 1))
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        futures = {e.name: pool.submit(cached_run, e, dev=dev, python=python) for e in examples}
        return {name: future.result() for name, future in futures.items()}


# ---------------------------------------------------------------- text form


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "examples", nargs="*", help="snippets/<chapter>/<file>.py or <chapter>/<group>"
    )
    parser.add_argument("--fresh", action="store_true", help="ignore the cache")
    parser.add_argument("--dev", action="store_true", help="run with -X dev as the tests do")
    args = parser.parse_args(argv)
    names = [n.removeprefix("snippets/") for n in args.examples] or [e.name for e in discover()]
    examples = [load(n) for n in names]
    if args.fresh:
        results = {e.name: run(e, dev=args.dev) for e in examples}
    else:
        results = run_many(examples, dev=args.dev)
    status = 0
    for example in examples:
        result = results[example.name]
        print(f"== {example.name} (Python {result.python or '-'}, {result.seconds:.2f} s)")
        if result.skipped:
            print(f"skipped: {result.skipped}")
            continue
        print(transcript(result, timing=example.timing))
        if result.error:
            print(f"ERROR: {result.error}")
            status = 1
    return status


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
