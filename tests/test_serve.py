"""The preview server (``make serve``, engine/serve.py): both languages on one port, rebuilt on
save.

One server runs for the whole module, in a scratch copy of the project (as tools/bench.py makes
one) on a port the system picks, with the examples' results of the session's cold build (or,
with ``GUIDE_TEST_SITE``, the usual cache), so nothing runs again unless a test edits an
example. The tests run in file order and edit the copy one after another; the last one checks
that after all those edits the served site is the same, file for file, as a fresh build of the
copy.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest

from engine import cache, interpreters
from engine.serve import RESTART, ROOT, affected
from tests.scratch import logged_runs, site_build
from tools import chromium
from tools.bench import scratch_copy

TIMEOUT = 120  # seconds for a rebuild to show: generous, the machine may be busy


class Preview:
    def __init__(self, project: Path, log: Path, runs: Path, cache: Path) -> None:
        self.project, self.log, self.runs, self.cache = project, log, runs, cache
        self.base = self.folder = ""
        self.process: subprocess.Popen

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for_log(self, pattern: str, start: int = 0, timeout: float = 600) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if found := re.search(pattern, self.text()[start:], re.M):
                return found
            assert self.process.poll() is None, f"the server stopped:\n{self.text()[-3000:]}"
            time.sleep(0.1)
        raise AssertionError(f"{pattern!r} never logged:\n{self.text()[-3000:]}")

    def get(self, path: str) -> tuple[int, str, str]:
        """(status, final address, body) of a GET, redirects followed."""
        try:
            with urllib.request.urlopen(urljoin(self.base, path), timeout=30) as response:
                return response.status, response.url, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.url, error.read().decode()

    def page_when(self, path: str, text: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            status, _, body = self.get(path)
            if status == 200 and text in body:
                return body
            time.sleep(0.1)
        raise AssertionError(f"{path} never showed {text!r}:\n{self.text()[-3000:]}")

    def edit(self, name: str, change) -> None:
        path = self.project / name
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")

    def ran(self) -> list[str]:
        """The examples started, one name per (example, interpreter) run."""
        return logged_runs(self.runs) if self.runs.exists() else []


@pytest.fixture(scope="module")
def preview(tmp_path_factory, built_site):
    where = tmp_path_factory.mktemp("preview")
    project = scratch_copy(where)
    site, started, _ = built_site
    # The cold build's cache (conftest.built_site): the same examples, already run.
    folder = Path(site).parent / "cache" if started is not None else cache.cache_dir()
    log, runs = where / "serve.log", where / "runs.log"
    env = dict(os.environ, GUIDE_CACHE_DIR=str(folder), GUIDE_RUN_LOG=str(runs))
    for key in ("GUIDE_FRESH", "GUIDE_SKIP_EXAMPLES"):
        env.pop(key, None)
    server = Preview(project, log, runs, folder)
    with log.open("w") as out:
        server.process = process = subprocess.Popen(
            [sys.executable, "-m", "engine.serve", "--dev-addr", "127.0.0.1:0"],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        server.folder = server.wait_for_log(r"Building into (\S+)").group(1)
        server.base = server.wait_for_log(r"Serving on (http://127\.0\.0\.1:\d+/) ").group(1)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=60)
    assert not Path(server.folder).exists(), "the server left its temporary folder behind"


def test_a_change_rebuilds_only_what_it_can_change():
    def langs(name: str) -> set[str]:
        return affected(ROOT / name)

    assert langs("docs/en/coroutines.md") == {"en"}
    assert langs("docs/zh/coroutines.md") == {"zh"}
    assert langs("docs/en/assets/diagram.svg") == {"en", "zh"}  # no such file in zh: a fallback
    assert langs("docs/zh/not-yet-translated.md") == {"zh", "en"}
    assert langs("mkdocs.yml") == {"zh"}
    assert langs("mkdocs.en.yml") == {"en"}
    for shared in ("mkdocs.base.yml", "docs/glossary.yml", "snippets/tasks/x.py", "overrides/x"):
        assert langs(shared) == {"zh", "en"}, shared
    assert langs("engine/fence.py") == {RESTART}
    for nothing in ("README.md", "snippets/tasks/__pycache__/x.pyc", "docs/en/.#x.md", "site/x"):
        assert langs(nothing) == set(), nothing


def test_both_languages_on_one_port(preview):
    status, _, zh = preview.get("")
    assert status == 200 and '<html lang="zh"' in zh
    status, _, en = preview.get("en/")
    assert status == 200 and '<html lang="en"' in en
    status, url, _ = preview.get("en")
    assert status == 200 and url == preview.base + "en/"
    for path, lang in (("no-such-page/", "zh"), ("en/no-such-page/", "en")):
        status, _, body = preview.get(path)
        assert status == 404 and f'<html lang="{lang}"' in body, path
    assert "livereload" in zh  # pages reload themselves after a rebuild


@pytest.mark.parametrize("page", ["", "coroutines/", "tasks/"])
@pytest.mark.parametrize(("source", "target"), [("zh", "en"), ("en", "zh")])
def test_language_menu_leads_both_ways(preview, page, source, target):
    prefix = {"zh": "", "en": "en/"}
    address = preview.base + prefix[source] + page
    _, _, body = preview.get(address)
    link = re.search(rf'<a href="([^"]*)"[^>]*data-twin="{target}"', body)
    assert link, f"{address} has no menu entry for {target}"
    twin = urljoin(address, link.group(1))
    assert twin == preview.base + prefix[target] + page
    status, _, other = preview.get(twin)
    assert status == 200 and f'<html lang="{target}"' in other, twin


def test_an_english_edit_rebuilds_english_only(preview):
    zh_page = Path(preview.folder) / "zh" / "coroutines" / "index.html"
    before = zh_page.stat().st_mtime_ns
    start = len(preview.text())
    sentence = "A sentence added while the preview runs."
    preview.edit("docs/en/coroutines.md", lambda text: text + f"\n{sentence}\n")
    preview.page_when("en/coroutines/", sentence)
    rebuilt = re.findall(r"^\S+\s+-\s+(\w+): rebuilt", preview.text()[start:], re.M)
    assert rebuilt and set(rebuilt) == {"en"}, preview.text()[start:]
    assert zh_page.stat().st_mtime_ns == before
    assert sentence not in preview.get("coroutines/")[2]


def test_a_shared_file_rebuilds_both(preview):
    start = len(preview.text())
    preview.edit("docs/glossary.yml", lambda text: text + "\n")
    for lang in ("zh", "en"):
        preview.wait_for_log(rf"{lang}: rebuilt .*docs/glossary\.yml", start, TIMEOUT)


def test_an_example_edit_runs_that_example_only(preview):
    ran = preview.ran()
    line = f"printed since the preview test edited this example ({time.time_ns()})"
    preview.edit(
        "snippets/coroutines/start_coroutine.py", lambda text: text + f"\nprint({line!r})\n"
    )
    preview.page_when("coroutines/", line)
    preview.page_when("en/coroutines/", line)
    # It runs again on each local interpreter, and nothing else runs.
    n = len(interpreters.find_pythons())
    assert preview.ran()[len(ran) :] == ["coroutines/start_coroutine.py"] * n


@pytest.mark.browser
def test_open_page_reloads_itself_after_a_save(preview):
    """Live reload: the page in the browser shows the edit without anyone reloading it."""
    executable = chromium.find()
    if executable is None:
        pytest.skip(f"no Chromium ({chromium.LOOKED_FOR})")
    sync_api = pytest.importorskip("playwright.sync_api")
    sentence = "Shown by the live reload."
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=chromium.ARGS
        )
        try:
            page = browser.new_page()
            polls: list[str] = []
            page.on("request", lambda r: "/livereload/" in r.url and polls.append(r.url))
            page.goto(preview.base + "en/tasks/", wait_until="load")
            deadline = time.monotonic() + TIMEOUT
            while not polls and time.monotonic() < deadline:  # its script listens from "load"
                page.wait_for_timeout(50)
            assert polls, "the page never asked the server for a reload"
            preview.edit("docs/en/tasks.md", lambda text: text + f"\n{sentence}\n")
            page.get_by_text(sentence).wait_for(timeout=TIMEOUT * 1000)
        finally:
            browser.close()


def test_served_site_is_a_fresh_build_after_all_edits(preview, tmp_path):
    """What the server remembers between rebuilds never leaves anything stale behind."""
    start = len(preview.text())
    # A title shows in every page's navigation; a deleted page's address must go away.
    preview.edit("docs/en/futures.md", lambda text: text.replace(" {", " (edited) {", 1))
    (preview.project / "docs" / "zh" / "glossary.md").unlink()  # zh then shows the English one
    preview.edit("overrides/main.html", lambda text: text.replace("}}", "}}<!-- edited -->", 1))
    preview.wait_for_log(r"zh: rebuilt .*docs/zh/glossary\.md", start, TIMEOUT)
    preview.wait_for_log(r"en: rebuilt .*docs/en/futures\.md", start, TIMEOUT)
    for lang in ("zh", "en"):
        preview.wait_for_log(rf"{lang}: rebuilt .*overrides/main\.html", start, TIMEOUT)
    preview.page_when("en/futures/", "(edited)")
    preview.get("")  # a request waits for the rebuild under way, if any

    fresh = tmp_path / "site"
    env = dict(os.environ, GUIDE_CACHE_DIR=str(preview.cache), GUIDE_SITE_URL=preview.base)
    env.pop("GUIDE_SITE_URL_EN", None)
    build = site_build(fresh, env, cwd=preview.project)
    assert build.returncode == 0, build.stderr[-3000:]
    served = Path(preview.folder)
    for lang, built in (("zh", fresh), ("en", fresh / "en")):

        def files(top: Path, lang=lang) -> set[Path]:
            found = {p.relative_to(top) for p in top.rglob("*") if p.is_file()}
            return {p for p in found if lang == "en" or p.parts[0] != "en"}

        assert files(served / lang) == files(built), lang
        different = [
            str(name)
            for name in files(built)
            if (served / lang / name).read_bytes() != (built / name).read_bytes()
        ]
        assert not different, f"{lang}: served and fresh differ in {different[:10]}"
