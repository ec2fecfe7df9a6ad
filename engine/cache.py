"""The run cache: every (example, interpreter) pair's result, kept between builds.

Results are kept in ``.cache/examples/`` (``GUIDE_CACHE_DIR``) under a key made of everything
that can change the output: the example's files, the files it declares it reads, its options,
the interpreter's version and the engine's own code for declaring and running examples. Entries
are written atomically and carry a checksum, so a truncated or corrupt entry is detected and run
again. ``GUIDE_FRESH`` accepts only entries written by the current build.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import functools
import hashlib
import json
import os
import tempfile
import threading
from pathlib import Path

from engine import ROOT, interpreters, processes
from engine.examples import Example
from engine.interpreters import python_version, python_version_key, pythons_for
from engine.processes import run
from engine.results import Result


def cache_dir() -> Path:
    return Path(os.environ.get("GUIDE_CACHE_DIR", ROOT / ".cache" / "examples"))


@functools.cache
def _engine_code_hash() -> str:
    """The code that declares, runs and records examples: a change to it runs them all again."""
    h = hashlib.sha256()
    for module in ("examples", "interpreters", "results", "processes"):
        h.update(Path(__file__).with_name(f"{module}.py").read_bytes())
    h.update(processes.RECORDER.joinpath("sitecustomize.py").read_bytes())
    return h.hexdigest()


def cache_key(example: Example, python: str, dev: bool) -> str:
    h = hashlib.sha256()
    h.update(json.dumps(dataclasses.asdict(example), sort_keys=True).encode())
    h.update(f"{python_version(python)}|{python}|{dev}|{_engine_code_hash()}".encode())
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
    python = python or interpreters.interpreter_for(example)
    if python is None:
        return run(example, dev=dev)
    key = cache_key(example, python, dev)
    with _locks_guard:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:  # two threads asking for the same example run it once
        path = cache_dir() / f"{key}.json"
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
            path = cache_dir() / f"{cache_key(example, python, dev)}.json"
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


def run_many(
    examples: list[Example], *, dev: bool = False, python: str | None = None, jobs: int = 0
) -> dict[str, Result]:
    """Run (or fetch from the cache) many examples at once; most of them wait, not compute."""
    jobs = jobs or int(os.environ.get("GUIDE_JOBS", 0)) or max(4, 4 * (os.cpu_count() or 1))
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        futures = {e.name: pool.submit(cached_run, e, dev=dev, python=python) for e in examples}
        return {name: future.result() for name, future in futures.items()}
