"""The CPython interpreters on this machine that the examples run on (3.11 and newer)."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from engine.examples import MIN_PYTHON, Example


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


def python_version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split(".") if p.isdigit())
