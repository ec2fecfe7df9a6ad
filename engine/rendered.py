"""Rendered example blocks, kept between builds.

Highlighting an example's source and transcripts is most of a page's rendering time. The HTML
of a block that rendered without error is kept under ``<run cache>/fences/``, keyed by all it
is made of: the Markdown configuration, the versions of the packages that render it, the
engine's rendering code, the page's language, the example's declaration and files, and every
version's result. A build in which none of these changed renders the block once.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from importlib import metadata
from pathlib import Path

from engine import SNIPPETS, cache, charts, labels, results, runnable, versions
from engine.examples import Example
from engine.results import Result

MARKDOWN_KEY = ""  # the Markdown configuration's fingerprint (the hooks set it in on_config)
_USED: set[str] = set()  # the keys this process read or wrote
_RENDERERS = ("markdown", "pymdown-extensions", "pygments", "markdown-exec", "mkdocs-material")


def markdown_key(extensions: list, configs: dict, code: tuple[str, ...]) -> str:
    """What every block's HTML depends on besides its example: the Markdown extensions and
    their options, the versions of the packages that render them, and the rendering code
    (``code``: the files of the modules that make the block)."""

    def name(value):  # a callable option (the example fence's formatter) by its name
        return getattr(value, "__qualname__", type(value).__name__)

    h = hashlib.sha256(json.dumps([extensions, configs], sort_keys=True, default=name).encode())
    for package in _RENDERERS:
        h.update(f"{package}={metadata.version(package)}".encode())
    for module in (
        *code,
        charts.__file__,
        labels.__file__,
        results.__file__,
        runnable.__file__,
        versions.__file__,
    ):
        h.update(Path(module).read_bytes())
    return h.hexdigest()


def _folder() -> Path:
    return cache.cache_dir() / "fences"


def key(src: str, language: str, example: Example, runs: list[Result] | None) -> str:
    """The key of one block: ``runs`` is every version's result, or None when not run."""
    h = hashlib.sha256(f"{MARKDOWN_KEY}|{language}|{src}|{example!r}".encode())
    for script in example.scripts:
        h.update(b"\0" + (SNIPPETS / script).read_bytes())
    h.update(runnable.element(example, language).encode())
    shown = None if runs is None else [r.to_json() for r in runs]
    h.update(json.dumps(shown, sort_keys=True).encode())
    return h.hexdigest()


def recall(key: str) -> str | None:
    """The kept HTML, or None."""
    if not MARKDOWN_KEY:
        return None
    try:
        entry = json.loads((_folder() / f"{key}.json").read_text(encoding="utf-8"))
        kept = entry["html"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    _USED.add(key)
    return kept


def keep(key: str, html: str) -> None:
    if not MARKDOWN_KEY:
        return
    folder = _folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"html": html}, f)
        os.replace(tmp, folder / f"{key}.json")
    except OSError:
        return  # a cache that cannot be written only costs time
    _USED.add(key)


def prune() -> int:
    """After a complete build: remove the kept blocks it neither used nor made. How many."""
    removed = 0
    for path in _folder().glob("*.json"):
        if path.stem not in _USED:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
