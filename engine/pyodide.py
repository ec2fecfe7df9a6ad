"""Pyodide (CPython 3.14 compiled to WebAssembly): the runtime behind the pages' Run buttons.

The npm package is pinned by version and integrity hash, fetched once with npm (``npm pack``)
into ``.cache/pyodide/`` and checked against the hash; its core files are copied into each
built site under ``assets/pyodide/``. Nothing else is fetched, and builds work offline once the
runtime is cached. Without npm and without the cache, pages are built without Run buttons and
the build says once what to install.

Which examples can run in the browser is decided in ``runnable.py``.

    python -m engine.pyodide        fetch the runtime into the cache (exit 1 if it cannot)
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from engine import ROOT

PACKAGE = "pyodide"
VERSION = "314.0.7"  # CPython 3.14
INTEGRITY = "sha512-0YvXxEhfEdpLfb/XkM2BFAeMROq0iMUX2bzzH9pOttyMcWkwq+HbE5uyuGD82LN7y2q+SNvi/6V5JEsOlD2R1A=="  # noqa: E501
CORE = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
SPEC = f"{PACKAGE}@{VERSION}"
SITE_DIR = "assets/pyodide"  # inside each language's site
INSTALL = (
    "no Run buttons in this build: the Pyodide runtime is not cached and npm is missing "
    "(install Node.js with npm, e.g. apt-get install npm, then build again)"
)

log = logging.getLogger("mkdocs.hooks.pyodide")


def cache_dir() -> Path:
    return Path(os.environ.get("GUIDE_PYODIDE_DIR", ROOT / ".cache" / "pyodide")) / VERSION


def _integrity_of(path: Path) -> str:
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode()


def _complete(folder: Path) -> bool:
    return all((folder / name).is_file() for name in CORE) and (folder / ".verified").is_file()


def fetch() -> tuple[Path | None, str]:
    """(folder with the core files, "") or (None, why not). Fetches with npm when missing."""
    folder = cache_dir()
    if _complete(folder):
        return folder, ""
    npm = shutil.which(os.environ.get("GUIDE_NPM", "npm"))  # GUIDE_NPM: tests try without
    if npm is None:
        return None, INSTALL
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder.parent, prefix=".fetch-") as tmp:
        try:
            subprocess.run(
                [npm, "pack", SPEC, "--pack-destination", tmp, "--silent"],
                cwd=tmp,
                capture_output=True,
                text=True,
                timeout=600,
                check=True,
            )
        except (OSError, subprocess.SubprocessError) as error:
            why = getattr(error, "stderr", "") or str(error)
            last = why.strip().splitlines()[-1] if why.strip() else str(error)
            return None, f"no Run buttons in this build: npm could not fetch {SPEC} ({last})"
        tarball = Path(tmp) / f"{PACKAGE}-{VERSION}.tgz"
        if not tarball.is_file() or _integrity_of(tarball) != INTEGRITY:
            return None, f"no Run buttons in this build: {SPEC} failed its integrity check"
        unpacked = Path(tmp) / "unpacked"
        unpacked.mkdir()
        with tarfile.open(tarball) as archive:
            for name in CORE:
                member = archive.getmember(f"package/{name}")
                source = archive.extractfile(member)
                assert source is not None
                with source, (unpacked / name).open("wb") as target:
                    shutil.copyfileobj(source, target)
        (unpacked / ".verified").write_text(INTEGRITY + "\n")
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(unpacked, folder)
    return folder, ""


_state: dict[str, object] = {}


def runtime() -> Path | None:
    """The cached runtime for this process's builds, fetched on first need; None without it."""
    if "folder" not in _state:
        folder, why = fetch()
        _state["folder"], _state["why"] = folder, why
        if why:
            log.info(why)  # once per process: both languages of a build share it
    return _state["folder"]  # type: ignore[return-value]


def copy_into(site_dir: str | Path) -> None:
    """Copy the runtime's core files into a built site (hard links where the disk allows)."""
    folder = runtime()
    if folder is None:
        if os.environ.get("GUIDE_REQUIRE_RUNTIME"):
            from mkdocs.exceptions import PluginError

            raise PluginError(f"GUIDE_REQUIRE_RUNTIME is set, but {_state.get('why')}")
        return
    target = Path(site_dir) / SITE_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in CORE:
        dest = target / name
        dest.unlink(missing_ok=True)
        try:
            os.link(folder / name, dest)
        except OSError:
            shutil.copyfile(folder / name, dest)


def main() -> int:
    folder, why = fetch()
    if folder is None:
        print(why, file=sys.stderr)
        return 1
    print(f"{PACKAGE} {VERSION}: {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
