"""Scratch copies for tests that build or run things on purpose broken."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def logged_runs(log: Path) -> list[str]:
    """The examples started, one name per run, from a ``GUIDE_RUN_LOG`` file."""
    if not log.exists():
        return []
    return [line.split()[0] for line in log.read_text().splitlines() if line.strip()]


def alive(pid: int, grace: float = 2.0) -> bool:
    """Whether the process still runs ``grace`` seconds from now (a kill takes a moment)."""
    deadline = time.monotonic() + grace
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return _running(pid)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead for our purposes.
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "State:\tZ" in status.read_text())


def site_build(
    site: Path, env: dict[str, str], *, cwd: Path = ROOT, wrap=None
) -> subprocess.CompletedProcess:
    """``make build`` (both languages, strict) into ``site``, as a process of its own. ``wrap``
    may put the command in a network namespace (``conftest.offline``)."""
    command = [sys.executable, "-m", "engine.build", "--site-dir", str(site)]
    return subprocess.run(
        wrap(command) if wrap else command,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def scratch_project(tmp_path: Path, snippets: dict[str, str], page: str) -> Path:
    """A one-page site with the real hooks and theme, in a scratch folder."""
    project = tmp_path / "project"
    shutil.copytree(
        ROOT / "engine", project / "engine", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(ROOT / "overrides", project / "overrides")
    for name, text in snippets.items():
        path = project / "snippets" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text(textwrap.dedent(page), encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        textwrap.dedent("""
        site_name: scratch
        theme: {name: material, custom_dir: overrides, language: en, font: false}
        hooks: [engine/hooks.py]
        watch: [snippets]
        plugins: [markdown-exec]
        markdown_extensions: [admonition, md_in_html, pymdownx.superfences, pymdownx.highlight]
        """),
        encoding="utf-8",
    )
    return project


def scratch_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, GUIDE_CACHE_DIR=str(tmp_path / "cache"))
    for key in ("GUIDE_FRESH", "GUIDE_SKIP_EXAMPLES", "GUIDE_RUN_LOG"):
        env.pop(key, None)
    return env


def scratch_build(
    tmp_path: Path, snippets: dict[str, str], page: str
) -> subprocess.CompletedProcess:
    """Build a one-page site with the real hooks and theme, strict, in a scratch copy."""
    project = scratch_project(tmp_path, snippets, page)
    env = scratch_env(tmp_path)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
