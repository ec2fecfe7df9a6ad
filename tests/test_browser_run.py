"""The Run buttons: examples run on Python 3.14 in the browser (Pyodide), held to their checks.

For every example the build marks runnable (engine/runnable.py), on every page that includes it,
in both languages: one page load, Run clicked on each example in turn (one worker, the runtime
loaded once per page), and the lines and times the page shows must pass the same check as the
build's CPython run (tests/examples/). No request may leave the site's origin. Stop ends an
example that sleeps forever within a second; Reset restores the code.

The runtime is required here: a site built without it fails these tests (``make test`` and
``.ci/run`` fetch it first; so does the session's build fixture).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from engine import SNIPPETS, examples, pyodide, runnable
from engine.hooks import includes
from tests.checks import SLOW_STEP, Run, load_all
from tests.test_browser import (  # noqa: F401  (fixtures)
    LANGS,
    ROOT,
    browser,
    goto,
    lang_url,
    open_page,
    site,
)

pytestmark = pytest.mark.browser
CHECKS = load_all()
DONE = "el => ['done', 'error', 'stopped'].includes(el.dataset.state)"
LINES = """el => [...el.nextElementSibling.querySelectorAll('.run-line')].map(
  row => [row.querySelector('.run-text').textContent, Number(row.dataset.t)])"""


def runnable_pages(lang: str) -> dict[str, list[str]]:
    """Page address (relative to the language's root) -> runnable examples it includes."""
    pages: dict[str, list[str]] = {}
    for path in sorted((ROOT / "docs" / lang).glob("*.md")):
        names = [n for n in dict.fromkeys(includes(path.read_text(encoding="utf-8")))]
        names = [n for n in names if not runnable.reason(n)]
        if names:
            pages["" if path.stem == "index" else f"{path.stem}/"] = names
    return pages


PAGES = [(lang, page) for lang in LANGS for page in runnable_pages(lang)]


def test_the_site_carries_the_runtime(site):  # noqa: F811
    folder = site.folder / pyodide.SITE_DIR
    missing = [name for name in pyodide.CORE if not (folder / name).is_file()]
    assert not missing, f"the site has no Pyodide runtime ({missing}): run make runtime"
    assert (site.folder / "en" / pyodide.SITE_DIR / "pyodide.asm.wasm").is_file()


def test_some_examples_run_in_the_browser_and_some_say_why_not(site):  # noqa: F811
    page = (site.folder / "en" / "composing" / "index.html").read_text(encoding="utf-8")
    assert 'class="example-run"' in page and "assets/run.js" in page
    streams = (site.folder / "en" / "streams" / "index.html").read_text(encoding="utf-8")
    assert "Not runnable in the browser: a server and its clients" in streams
    assert "assets/run.js" not in streams  # nothing to run: not even the button script
    assert len(PAGES) >= 10


@pytest.mark.parametrize(("lang", "page_path"), PAGES)
def test_examples_run_in_the_browser_and_pass_their_checks(browser, site, lang, page_path):  # noqa: F811
    names = runnable_pages(lang)[page_path]
    report: list[str] = []
    with open_page(browser) as (page, traffic):
        goto(page, lang_url(site.base, lang, page_path))
        before = len(traffic.requests)
        assert not any("pyodide" in url for url in traffic.requests), "runtime loaded before Run"
        for name in names:
            example = examples.load(name)
            controls = page.locator(f'.run-controls[data-example="{name}"]').first
            controls.locator("button.run-start").click()
            handle = controls.element_handle()
            page.wait_for_function(DONE, arg=handle, timeout=(example.timeout + 30) * 1000)
            state = controls.get_attribute("data-state")
            pairs = handle.evaluate(LINES)
            returncode = page.evaluate(
                "el => Number(el.nextElementSibling.dataset.returncode)", handle
            )
            printed = "\n".join(f"[{t:6.3f}] {line}" for line, t in pairs)
            if state != "done":
                status = controls.locator(".run-status").inner_text()
                report.append(f"{name}: {state}: {status}\n{printed}")
                continue
            kept = [(line, t) for line, t in pairs if not SLOW_STEP.search(line)]
            run = Run(
                lines=[line for line, _ in kept],
                times=[t for _, t in kept],
                returncode=returncode,
                python=(3, 14),
                procs={},
                all_lines=[line for line, _ in pairs],
                browser=True,
            )
            try:
                assert returncode == example.returncode, f"exit code {returncode}"
                CHECKS[name](run)
            except Exception as error:  # every example's failure is reported
                report.append(f"{name}: {type(error).__name__}: {error}\n{printed}")
        requests = traffic.requests[before:]
    outside = [url for url in requests if not url.startswith(site.origin + "/")]
    assert not outside, f"requests outside the site's origin during runs: {outside}"
    assert any("pyodide.asm.wasm" in url for url in requests), "the runtime was not loaded"
    assert not report, "\n\n".join(report)


def test_stop_ends_a_run_that_sleeps_forever_and_reset_restores_the_code(browser, site):  # noqa: F811
    lang, page_path = PAGES[0]
    name = runnable_pages(lang)[page_path][0]
    source = (SNIPPETS / name).read_text(encoding="utf-8")
    forever = "import asyncio\nprint('sleeping')\nasyncio.run(asyncio.sleep(3600))\n"
    with open_page(browser) as (page, _):
        goto(page, lang_url(site.base, lang, page_path))
        controls = page.locator(f'.run-controls[data-example="{name}"]').first
        editor = page.locator(".example", has=controls).locator("code.run-editable").first
        editor.evaluate("(el, text) => { el.textContent = text; }", forever)
        editor.focus()
        page.keyboard.press("Control+Enter")  # the keyboard way to Run
        page.wait_for_function(
            "el => el.dataset.state === 'running' && "
            "el.nextElementSibling.querySelector('.run-line')",
            arg=controls.element_handle(),
            timeout=60_000,
        )
        page.wait_for_timeout(300)
        assert controls.get_attribute("data-state") == "running"
        stop = controls.locator("button.run-stop")
        stop.focus()
        start = time.monotonic()
        page.keyboard.press("Enter")
        page.wait_for_function(DONE, arg=controls.element_handle(), timeout=1000)
        elapsed = time.monotonic() - start
        assert controls.get_attribute("data-state") == "stopped"
        assert elapsed < 1.0, f"Stop took {elapsed:.2f} s"
        controls.locator("button.run-reset").click()
        assert editor.inner_text().rstrip() == source.rstrip()
        # The next Run starts a new worker and runs the restored code.
        controls.locator("button.run-start").click()
        page.wait_for_function(DONE, arg=controls.element_handle(), timeout=60_000)
        assert controls.get_attribute("data-state") == "done"


def test_runtime_files_match_the_pinned_package():
    folder = pyodide.cache_dir()
    assert (folder / ".verified").read_text().strip() == pyodide.INTEGRITY
    assert Path(folder / "pyodide.asm.wasm").stat().st_size > 1_000_000
