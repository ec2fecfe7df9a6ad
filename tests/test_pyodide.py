"""The Run buttons' runtime (engine/pyodide.py): pinned, cached, copied into the site, optional.

Which examples run in the browser is declared or derived there; the runs themselves are
tested in Chromium by tests/test_browser_run.py.
"""

from __future__ import annotations

import os

import pytest

from engine import examples, pyodide, runnable
from tests.scratch import site_build

ROOT = pyodide.ROOT


def test_the_runtime_is_fetched_and_matches_its_pin():
    folder, why = pyodide.fetch()
    assert folder is not None, f"{why} (make runtime)"
    assert (folder / ".verified").read_text().strip() == pyodide.INTEGRITY
    for name in pyodide.CORE:
        assert (folder / name).stat().st_size > 10_000, name


def test_every_example_has_a_valid_browser_declaration():
    runs_here = [e.name for e in examples.discover() if not runnable.reason(e.name)]
    assert len(runs_here) >= 40, runs_here
    for example in examples.discover():
        why = runnable.reason(example.name)
        assert why == "" or why in runnable.REASONS


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("import asyncio\nasyncio.run(asyncio.sleep(0))\n", ""),
        ("import socket\n", "network"),
        ("import asyncio\nasyncio.open_connection('a', 1)\n", "network"),
        ("from asyncio import create_subprocess_exec\n", "subprocess"),
        ("import signal\n", "signal"),
        ("import asyncio\nasyncio.to_thread(print)\n", "threads"),
        ("from concurrent.futures import ThreadPoolExecutor\n", "threads"),
        ("open('x')\n", "files"),
        ("import asyncio\nasyncio.eager_task_factory\n", "eager"),
    ],
)
def test_reasons_are_derived_from_what_an_example_uses(source, reason):
    assert runnable.derived_reason(source) == reason


def test_the_built_site_carries_the_runtime_and_the_run_markers(built_site):
    site = built_site[0]
    for top in (site, site / "en"):
        for name in pyodide.CORE:
            assert (top / pyodide.SITE_DIR / name).is_file(), top / pyodide.SITE_DIR / name
        for name in ("run.js", "run-worker.js", "run.css"):
            assert (top / "assets" / name).is_file(), top / "assets" / name
    page = (site / "composing" / "index.html").read_text(encoding="utf-8")
    assert 'class="example-run"' in page
    assert "不能在浏览器中运行" in (site / "streams" / "index.html").read_text(encoding="utf-8")


def test_without_npm_and_cache_the_build_works_and_says_once_what_to_install(tmp_path):
    env = dict(
        os.environ,
        GUIDE_PYODIDE_DIR=str(tmp_path / "no-runtime"),
        GUIDE_NPM="no-such-npm",
        GUIDE_SKIP_EXAMPLES="1",
    )
    env.pop("GUIDE_REQUIRE_RUNTIME", None)
    build = site_build(tmp_path / "site", env)
    assert build.returncode == 0, build.stderr[-3000:]
    said = [line for line in build.stderr.splitlines() if "no Run buttons" in line]
    assert len(said) == 1 and "npm" in said[0], build.stderr[-3000:]
    page = (tmp_path / "site" / "en" / "composing" / "index.html").read_text(encoding="utf-8")
    assert "example-run" not in page and "assets/run.js" not in page
    assert not (tmp_path / "site" / pyodide.SITE_DIR).exists()
