"""The built site in a real browser (Debian's Chromium, driven by Playwright).

The site is served the way GitHub project pages serve it: under a sub-path (``/guide/``), by a
small threaded HTTP server on 127.0.0.1, with the site's ``404.html`` for unknown addresses.
Covered: search in each language, the language menu, every page loading only from the site's
own origin without console errors, no horizontal scrolling on a phone, the dark-mode toggle, the
copy button of an example, and screenshots for people to look at (``tests/screenshots/``).

The module is skipped (with the reason) where Chromium or Playwright is missing; the checks that
need Chinese glyphs are skipped where ``fc-list`` shows no Noto CJK font.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import json
import os
import re
import subprocess
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from engine import SNIPPETS, examples
from engine.hooks import includes
from tools import chromium

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "tests" / "screenshots"
PREFIX = "/guide/"  # where the site is published, as on GitHub project pages
LANGS = ("zh", "en")
CHROMIUM_ARGS = chromium.ARGS
TIMEOUT_MS = 15_000  # the bound of every wait (navigation included)


def _has_cjk_font() -> bool:
    try:
        fonts = subprocess.run(
            ["fc-list"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(re.search(r"Noto (Sans|Serif)( Mono)? CJK", fonts, re.I))


CHROMIUM = chromium.find()
if CHROMIUM is None:
    pytest.skip(
        "no Chromium: set $CHROMIUM_PATH or install Debian's chromium "
        f"(looked for {chromium.LOOKED_FOR})",
        allow_module_level=True,
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install -r requirements.txt)"
)
HAS_CJK_FONT = _has_cjk_font()


def lang_url(base: str, lang: str, page: str = "") -> str:
    """The address of ``page`` ("" for the home page, else "coroutines/") in ``lang``."""
    return base + ("" if lang == "zh" else "en/") + page


def _needs_cjk(lang: str) -> None:
    if lang == "zh" and not HAS_CJK_FONT:
        pytest.skip("no Noto CJK font in fc-list: Chinese pages cannot render (fonts-noto-cjk)")


# --- the server --------------------------------------------------------------------------


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """The site folder under PREFIX only; 404 elsewhere; the site's 404.html for misses."""

    def log_message(self, format, *args):  # quiet: failures are reported by the tests
        pass

    def _inside(self) -> bool:
        path = urlsplit(self.path).path
        return path == PREFIX.rstrip("/") or path.startswith(PREFIX)

    def translate_path(self, path):
        rest = urlsplit(path).path
        rest = rest[len(PREFIX) - 1 :] if rest.startswith(PREFIX) else "/"
        return super().translate_path(rest)

    def _not_found(self):
        page = Path(self.directory) / "404.html"
        if not (self._inside() and page.is_file()):
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        body = page.read_bytes()  # as GitHub Pages does: the site's own page, status 404
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def send_head(self):
        if not self._inside():
            return self._not_found()
        if not os.path.exists(self.translate_path(self.path)):
            return self._not_found()
        return super().send_head()

    def list_directory(self, path):  # a folder without index.html is not a page
        return self._not_found()


@dataclass
class Site:
    folder: Path
    base: str  # http://127.0.0.1:PORT/guide/
    origin: str  # http://127.0.0.1:PORT


@pytest.fixture(scope="session")
def site(built_site):
    folder = Path(built_site[0])
    handler = functools.partial(_SubPathHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield Site(folder, origin + PREFIX, origin)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# --- the browser -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    """The one Chromium of the session (only this module uses it: closed when it is done)."""
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, timeout=60_000
        )
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Traffic:
    """What one page did on the network and in its console, since the last clear()."""

    requests: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # url -> why
    console_errors: list[tuple[str, str]] = field(default_factory=list)  # (text, url)
    page_errors: list[str] = field(default_factory=list)
    _current: set = field(default_factory=set)  # requests made since the last clear()

    def clear(self) -> None:
        """Forget the previous page, and the requests it still had in flight when it was left
        (a navigation aborts them: net::ERR_ABORTED is not the next page's fault)."""
        self.requests.clear()
        self.failed.clear()
        self.console_errors.clear()
        self.page_errors.clear()
        self._current.clear()

    def on_request(self, request) -> None:
        self._current.add(request)
        self.requests.append(request.url)

    def on_request_failed(self, request) -> None:
        if request in self._current:
            self.failed.setdefault(request.url, request.failure or "failed")

    def on_response(self, response) -> None:
        if response.status >= 400 and response.request in self._current:
            self.failed.setdefault(response.url, f"HTTP {response.status}")


@contextlib.contextmanager
def open_page(browser, **options):
    """A page in a fresh context (light colour scheme unless told), with its traffic recorded."""
    options.setdefault("color_scheme", "light")
    options.setdefault("viewport", {"width": 1280, "height": 900})
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    traffic = Traffic()
    context.on("request", traffic.on_request)
    context.on("requestfailed", traffic.on_request_failed)
    context.on("response", traffic.on_response)
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and traffic.console_errors.append((message.text, message.location.get("url", "")))
        ),
    )
    page.on("pageerror", lambda error: traffic.page_errors.append(str(error)))
    try:
        yield page, traffic
    finally:
        context.close()


def goto(page, url: str, status: int = 200):
    response = page.goto(url, wait_until="load")
    assert response is not None, url
    assert response.status == status, f"{url}: HTTP {response.status}"
    return response


def alternate_sitemaps(page) -> set[str]:
    """The sitemap.xml Material's language-selector script fetches for each alternate link.

    Material (assets/javascripts/bundle: setupAlternate) reads every ``<link rel="alternate">``
    and fetches ``sitemap.xml`` relative to it, expecting the link to be a language's root.
    Our links point at the twin page, so it asks for ``<page>/sitemap.xml``, which does not
    exist: a 404 and a console error on every page, otherwise harmless (the script then falls
    back to the link's own address). Those are the only failures a page may have.
    """
    hrefs = page.eval_on_selector_all("link[rel=alternate][hreflang]", "ls => ls.map(l => l.href)")
    return {urljoin(href, "sitemap.xml") for href in hrefs}


def problems(traffic: Traffic, site: Site, explained: set[str]) -> list[str]:
    found = [
        f"request to another origin: {url}"
        for url in traffic.requests
        if not (url.startswith(site.origin + "/") or url.startswith(("data:", "blob:")))
    ]
    found += [f"{why}: {url}" for url, why in traffic.failed.items() if url not in explained]
    found += [
        f"console error: {text} ({url})"
        for text, url in traffic.console_errors
        if not (text.startswith("Failed to load resource") and url in explained)
    ]
    found += [f"uncaught error: {error}" for error in traffic.page_errors]
    return found


def built_pages(site: Site, lang: str) -> set[str]:
    """Addresses of every page of ``lang`` in the site folder."""
    top = site.folder if lang == "zh" else site.folder / "en"
    found = set()
    for index in top.rglob("index.html"):
        rel = index.parent.relative_to(top)
        if rel.parts and rel.parts[0] in {"en", "assets", "search", "snippets"}:
            continue
        found.add(lang_url(site.base, lang, "" if not rel.parts else rel.as_posix() + "/"))
    return found


# --- search ------------------------------------------------------------------------------

SEARCHES = [
    ("zh", "协程", "coroutines/"),
    ("zh", "事件循环", "concepts/"),
    ("zh", "任务组", "composing/"),
    ("zh", "信号量", "synchronization/"),
    ("en", "event loop", "concepts/"),
    ("en", "TaskGroup", "composing/"),
    ("en", "semaphore", "synchronization/"),
]

SEARCH_READY = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  const config = JSON.parse(document.getElementById("__config").textContent);
  const ready = config.translations["search.result.placeholder"];
  return meta !== null && meta.textContent.trim() === ready;
}"""


@pytest.mark.parametrize(("lang", "query", "expected"), SEARCHES)
def test_search_finds_the_page_that_teaches_the_term(browser, site, lang, query, expected):
    with open_page(browser) as (page, _):
        goto(page, lang_url(site.base, lang))
        # The index is loaded by a worker; the meta line says when it is ready.
        page.wait_for_function(SEARCH_READY)
        page.keyboard.press("/")
        box = page.locator("input.md-search__input")
        sync_api.expect(box).to_be_focused()
        box.fill(query)
        box.press("End")  # Material searches on keyup; fill() alone sends none
        page.locator(".md-search-result__item").first.wait_for()
        meta = page.locator(".md-search-result__meta").inner_text()
        hrefs = page.eval_on_selector_all(
            ".md-search-result__item a.md-search-result__link", "links => links.map(a => a.href)"
        )
    pages = list(dict.fromkeys(re.sub(r"[?#].*", "", href) for href in hrefs))
    shown = "\n  ".join([meta, *pages])
    wanted = lang_url(site.base, lang, expected)
    assert wanted in pages, f"{query!r} did not list {expected}:\n  {shown}"
    english = [p for p in pages if p.startswith(site.base + "en/")]
    if lang == "zh":
        assert not english, f"{query!r} on the Chinese site listed English pages:\n  {shown}"
    else:
        assert len(english) == len(pages), f"{query!r} listed pages outside /en/:\n  {shown}"


QUERIES = ROOT / "tests" / "search_queries.yml"
FIRST_RESULT_SHARE = 0.95  # of each language's queries must give the teaching page first

# The results of the query now in the box, once the worker has answered it: [] for none.
RESULTS = """placeholder => {
  const meta = document.querySelector(".md-search-result__meta");
  if (meta === null || meta.textContent.trim() === placeholder) return false;
  return [...document.querySelectorAll(".md-search-result__item a.md-search-result__link")]
    .map(a => a.href);
}"""


def _query_set(lang: str) -> list[tuple[str, str]]:
    import yaml

    return [tuple(item) for item in yaml.safe_load(QUERIES.read_text(encoding="utf-8"))[lang]]


@pytest.mark.parametrize("lang", LANGS)
def test_search_query_set_finds_the_teaching_page_first(browser, site, lang):
    """Every query of tests/search_queries.yml, typed into the search box of one page load."""
    queries = _query_set(lang)
    assert len(queries) >= 50, f"only {len(queries)} {lang} queries in {QUERIES.name}"
    misses, foreign = [], []
    with open_page(browser) as (page, traffic):
        goto(page, lang_url(site.base, lang))
        page.wait_for_function(SEARCH_READY)
        placeholder = page.evaluate(
            "JSON.parse(document.getElementById('__config').textContent)"
            ".translations['search.result.placeholder']"
        )
        page.keyboard.press("/")
        box = page.locator("input.md-search__input")
        for query, expected in queries:
            # Empty the box and wait for the placeholder, so the answer read next is this
            # query's and not the previous one's.
            box.fill("")
            box.press("End")
            page.wait_for_function(SEARCH_READY)
            box.fill(query)
            box.press("End")  # Material searches on keyup; fill() alone sends none
            hrefs = page.wait_for_function(RESULTS, arg=placeholder).json_value()
            pages = list(dict.fromkeys(re.sub(r"[?#].*", "", href) for href in hrefs))
            wanted = lang_url(site.base, lang, "" if expected == "index" else f"{expected}/")
            if not pages or pages[0] != wanted:
                shown = ", ".join(p.removeprefix(site.base) for p in pages[:3]) or "nothing"
                misses.append(f"{query!r}: wanted {expected}/, got {shown}")
            other = [p for p in pages if p.startswith(site.base + "en/") != (lang == "en")]
            if other:
                foreign.append(f"{query!r}: {other[:3]}")
        found = problems(traffic, site, alternate_sitemaps(page))
    share = 1 - len(misses) / len(queries)
    print(
        f"\n{lang}: first result right for {len(queries) - len(misses)}/{len(queries)} "
        f"queries ({share:.0%})" + "".join(f"\n  miss {m}" for m in misses)
    )
    assert not foreign, f"{lang} search listed pages of the other language:\n  " + "\n  ".join(
        foreign
    )
    assert not found, "\n".join(found)
    assert share >= FIRST_RESULT_SHARE, f"{lang}: {share:.0%} first results right:\n  " + (
        "\n  ".join(misses)
    )


# --- the language menu -------------------------------------------------------------------


@pytest.mark.parametrize("page_path", ["", "coroutines/", "tasks/", "streams/"])
@pytest.mark.parametrize(("source", "target"), [("zh", "en"), ("en", "zh")])
def test_language_menu_leads_to_the_twin_page(browser, site, source, target, page_path):
    start = lang_url(site.base, source, page_path)
    twin = lang_url(site.base, target, page_path)
    with open_page(browser) as (page, _):
        goto(page, start)
        link = page.locator(f"a.md-select__link[data-twin={target}]")
        assert link.evaluate("a => a.href") == twin  # where the menu says it leads
        page.locator(".md-select").first.hover()  # the menu opens on hover
        with page.expect_response(
            lambda response: response.url == twin and response.request.is_navigation_request()
        ) as arrival:
            link.click()
        page.wait_for_url(twin)
        assert arrival.value.status == 200, f"{twin}: HTTP {arrival.value.status}"
        assert page.url.startswith(site.base)
        assert page.evaluate("document.documentElement.lang") == target
        assert page.locator("article h1").count() == 1, f"{twin} has no page heading"
        back = page.locator(f"a.md-select__link[data-twin={source}]")
        assert back.evaluate("a => a.href") == start  # and the twin's menu leads back


# --- every page: only the site's origin, no console errors ---------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_loads_from_its_own_origin_without_errors(browser, site, lang):
    pages = built_pages(site, lang)
    assert lang_url(site.base, lang) in pages, f"no home page for {lang}"
    report: dict[str, list[str]] = {}
    with open_page(browser) as (page, traffic):
        goto(page, lang_url(site.base, lang))
        page.wait_for_load_state("networkidle")
        nav = page.eval_on_selector_all(
            "nav.md-nav--primary a.md-nav__link[href]", "links => links.map(a => a.href)"
        )
        nav_pages = {re.sub(r"#.*", "", href) for href in nav if href.startswith(site.base)}
        for url in sorted(nav_pages - pages):
            report[url] = ["the navigation links here, but no such page was built"]
        for url in sorted(pages):
            traffic.clear()
            response = page.goto(url, wait_until="load")
            page.wait_for_load_state("networkidle")
            found = problems(traffic, site, alternate_sitemaps(page))
            if response is None or response.status != 200:
                found.insert(0, f"HTTP {response and response.status}")
            if page.evaluate("document.documentElement.lang") != lang:
                found.insert(0, f"<html lang> is not {lang}")
            if found:
                report[url] = found
    assert not report, "\n".join(
        f"{url}\n  " + "\n  ".join(found) for url, found in sorted(report.items())
    )


def test_unknown_address_gets_the_404_page(browser, site):
    url = site.base + "no-such-page/"
    page_404 = site.folder / "404.html"
    with open_page(browser) as (page, traffic):
        goto(page, url, status=404)
        if not page_404.is_file():
            return
        assert "404" in page.locator("article h1").inner_text()
        page.wait_for_load_state("networkidle")
        own = [u for u in traffic.requests if u != url]
        failed = {u: why for u, why in traffic.failed.items() if u != url}
    # MkDocs writes the 404 page's links absolute from site_url (it can be served at any
    # depth), so its assets are where site_url says the site lives, which is /guide/ only
    # when the build was made for this address (the deploy sets GUIDE_SITE_URL; a local
    # build says /). Each must name a file of the site there, and load if that is /guide/.
    config = json.loads(
        re.search(
            r'<script id="__config" type="application/json">(.*?)</script>',
            page_404.read_text(encoding="utf-8"),
            re.S,
        ).group(1)
    )
    root = config["base"].rstrip("/") + "/"
    assert all(u.startswith(site.origin + "/") for u in own), own
    for request in own:
        path = urlsplit(request).path
        assert path.startswith(root), f"404 page asset outside the site ({root}): {request}"
        assert (site.folder / path[len(root) :]).is_file(), f"404 page asset missing: {request}"
    if root == PREFIX:
        assert not failed, failed


# --- phones ------------------------------------------------------------------------------

WIDE_ELEMENTS = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter(e => e.getBoundingClientRect().right > width + 1 && e.getBoundingClientRect().width > 0)
    .filter(e => !e.closest(".md-sidebar, .md-search, .md-header, pre, .md-typeset__scrollwrap"))
    .slice(0, 8)
    .map(e => `${e.tagName.toLowerCase()}.${e.className}`
              + ` right=${Math.round(e.getBoundingClientRect().right)}`);
}"""


@pytest.mark.parametrize("page_path", ["tasks/", "composing/", "streams/"])
@pytest.mark.parametrize("lang", LANGS)
def test_no_horizontal_scrolling_on_a_phone(browser, site, lang, page_path):
    _needs_cjk(lang)
    url = lang_url(site.base, lang, page_path)
    phone = {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 3,
        "is_mobile": True,
        "has_touch": True,
    }
    with open_page(browser, **phone) as (page, _):
        goto(page, url)
        page.evaluate("document.fonts.ready.then(() => true)")
        scroll_width, inner_width = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
        wide = page.evaluate(WIDE_ELEMENTS) if scroll_width > inner_width else []
    assert scroll_width <= inner_width, (
        f"{url} scrolls sideways on a 390 px phone: scrollWidth {scroll_width} > {inner_width}; "
        f"widest: {wide}"
    )


# --- accessibility: axe-core on every page, both colour schemes ----------------------------

AXE_SCRIPT = None


def _axe_script() -> str:
    """axe-core's browser script, from the copy the axe-playwright-python package ships."""
    global AXE_SCRIPT
    if AXE_SCRIPT is None:
        axe = pytest.importorskip(
            "axe_playwright_python", reason="axe-playwright-python is not installed"
        )
        AXE_SCRIPT = (Path(axe.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    return AXE_SCRIPT


AXE_RUN = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.map(v => ({
    id: v.id, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ") + ": " + (n.failureSummary || "").split("\\n")[1]),
  }));
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_passes_axe(browser, site, lang, scheme):
    """axe-core (WCAG 2 A and AA rules and best practices) finds nothing on any page."""
    _needs_cjk(lang)
    script = _axe_script()
    expected = "slate" if scheme == "dark" else "default"
    report: dict[str, list[str]] = {}
    with open_page(browser, color_scheme=scheme) as (page, _):
        for url in sorted(built_pages(site, lang)):
            goto(page, url)
            actual = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            assert actual == expected, f"{url}: colour scheme {actual}, not {expected}"
            page.evaluate(script)
            found = [
                f"{v['id']} ({v['help']}), {len(v['nodes'])} nodes, e.g. {v['nodes'][0]}"
                for v in page.evaluate(AXE_RUN)
            ]
            if found:
                report[url] = found
    assert not report, "\n".join(
        f"{url}\n  " + "\n  ".join(found) for url, found in sorted(report.items())
    )


# --- dark mode ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_dark_mode_toggle(browser, site, lang):
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    background = "getComputedStyle(document.body).backgroundColor"
    with open_page(browser) as (page, _):
        goto(page, lang_url(site.base, lang, "coroutines/"))
        assert page.evaluate(scheme) == "default"
        light = page.evaluate(background)
        toggle = page.locator("form[data-md-component=palette] label.md-header__button:visible")
        toggle.click()
        page.wait_for_function(f"{scheme} === 'slate'")
        dark = page.evaluate(background)
        assert dark != light, f"the page background stayed {light} in dark mode"
        toggle.click()
        page.wait_for_function(f"{scheme} === 'default'")
        assert page.evaluate(background) == light


# --- the copy button ---------------------------------------------------------------------

COPY_BUTTON = "button.md-clipboard, button.md-code__button[data-md-type=copy]"
SENTINEL = "clipboard before the click"


@pytest.mark.parametrize("lang", LANGS)
def test_copy_button_copies_the_example_source(browser, site, lang):
    names = includes((ROOT / "docs" / lang / "coroutines.md").read_text(encoding="utf-8"))
    assert names, "the coroutines page includes no example"
    script = examples.load(names[0]).scripts[0]
    source = (SNIPPETS / script).read_text(encoding="utf-8")
    with open_page(browser) as (page, _):
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
        goto(page, lang_url(site.base, lang, "coroutines/"))
        example = page.locator("div.example").first
        assert script in example.locator(".example-meta").first.inner_text()
        block = example.locator(".highlight").first
        assert block.locator(".filename").inner_text().strip() == Path(script).name
        page.evaluate("text => navigator.clipboard.writeText(text)", SENTINEL)
        block.hover()
        block.locator(COPY_BUTTON).first.click()
        copied = page.wait_for_function(
            """async sentinel => {
                 const text = await navigator.clipboard.readText();
                 return text !== sentinel ? text : false;
               }""",
            arg=SENTINEL,
            polling=100,
        ).json_value()
    assert copied.rstrip() == source.rstrip()


# --- screenshots -------------------------------------------------------------------------

GLYPHS = """chars => {
  const font = getComputedStyle(document.querySelector("article h1")).fontFamily;
  return chars.map(ch => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 64;
    const g = canvas.getContext("2d");
    g.font = `48px ${font}`;
    g.textBaseline = "top";
    g.fillText(ch, 4, 4);
    return canvas.toDataURL();
  });
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_screenshot_of_the_coroutines_page(browser, site, lang):
    _needs_cjk(lang)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"coroutines-{lang}.png"
    with open_page(browser) as (page, _):
        goto(page, lang_url(site.base, lang, "coroutines/"))
        page.evaluate("document.fonts.ready.then(() => true)")
        title = page.locator("article h1").inner_text()
        if lang == "zh":
            # Tofu check: distinct Han characters must not all draw as the same box, nor as
            # the box an unassigned code point gets.
            han = list(dict.fromkeys(re.findall(r"[\u4e00-\u9fff]", title + page.title())))[:4]
            assert len(han) >= 2, f"too few Chinese characters in {title!r}"
            images = page.evaluate(GLYPHS, [*han, "\u0378", ""])
            *drawn, tofu, blank = images
            assert len(set(drawn)) == len(drawn), f"{han} draw identically: missing CJK glyphs"
            assert tofu not in drawn and blank not in drawn, f"{han} draw as boxes or nothing"
        page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000
