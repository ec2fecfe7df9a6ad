"""MkDocs hooks: run the examples a page includes, and give each page its twin's address.

A page includes an example with one line, ``{{ example("chapter/file.py") }}``. Before any page
is rendered, every example included anywhere runs at once (or comes from the cache); each line
then becomes an ``example`` fence, which markdown-exec renders through ``engine.fence``, so a
failing example is a markdown-exec warning and fails a ``--strict`` build, naming it.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

# MkDocs loads this file by its path (mkdocs.base.yml): the package it belongs to may not be
# importable yet.
if str(Path(__file__).resolve().parent.parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine import ROOT, cache, fence, interpreters, pyodide, rendered
from engine import search as site_search
from engine.examples import ExampleError, load

log = logging.getLogger("mkdocs.hooks.examples")

INCLUDE = re.compile(
    r'^(?P<indent>[ \t]*)\{\{\s*example\("(?P<name>[^"\n]+)"\)\s*\}\}[ \t]*$', re.M
)
ANY_INCLUDE = re.compile(r"\{\{\s*example\b.*", re.M)


def _lines(markdown: str):
    """(line, outside_code) for each line: includes count only outside fenced code blocks."""
    open_fence = None
    for line in markdown.split("\n"):
        marker = re.match(r"\s*(`{3,}|~{3,})", line)
        if open_fence:
            if marker and marker.group(1).startswith(open_fence):
                open_fence = None
            yield line, False
        elif marker:
            open_fence = marker.group(1)
            yield line, False
        else:
            yield line, True


def includes(markdown: str) -> list[str]:
    """The examples a page's Markdown includes, in order."""
    return [
        m.group("name")
        for line, outside in _lines(markdown)
        if outside and (m := INCLUDE.match(line))
    ]


class _Alternates:
    """Truthy but not iterable: Material shows its language menu, our template fills it."""

    def __init__(self, items: list[dict]) -> None:
        self.items = items

    def __bool__(self) -> bool:
        return True


GLOSSARY = ROOT / "docs" / "glossary.yml"
NOT_TRANSLATED = {
    "zh": '!!! warning "本页尚未翻译"\n    下面是英文原文。[英文原页]({href})\n\n',
    "en": '!!! warning "Not translated yet"\n'
    "    This page exists only in Chinese so far; the original follows. "
    "[Chinese page]({href})\n\n",
}


def glossary() -> list[dict]:
    return yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))


@event_priority(100)  # before the search plugin reads its jieba settings
def on_config(config):
    language = config.theme["language"]
    fence.LANGUAGE = language
    config.extra["language"] = language
    if language == "zh":
        # Glossary terms (and the Chinese words of docs/search.yml) are words for jieba too, so
        # 事件循环 is indexed and found whole.
        words = ROOT / ".cache" / "jieba_words.txt"
        words.parent.mkdir(exist_ok=True)
        terms = [term["zh"] for term in glossary() if term["zh"] != term["en"]]
        terms = list(dict.fromkeys(terms + site_search.jieba_words()))
        text = "".join(f"{term} 1000 n\n" for term in terms)
        if not words.exists() or words.read_text(encoding="utf-8") != text:
            tmp = words.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, words)
        search = config.plugins.get("material/search")
        if search is not None:
            search.config.jieba_dict_user = str(words)
    # The search worker with the guide's query rewriting (engine/search.py); the page template
    # points the theme at it.
    config.extra["search_worker"] = site_search.worker()[0]
    # Register the example fence with superfences (pymdownx), markdown-exec's way.
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    superfences.setdefault("custom_fences", []).append(
        {
            "name": "example",
            "class": "example",
            "validator": fence.validator,
            "format": fence.formatter,
        }
    )
    # Rendered fences are kept between builds under this configuration's fingerprint.
    rendered.MARKDOWN_KEY = rendered.markdown_key(
        config.markdown_extensions, config.mdx_configs, (fence.__file__,)
    )
    alternates = config.extra.get("alternate")
    if isinstance(alternates, list):
        config.extra["alternate"] = _Alternates(alternates)
    if config.site_url:
        base = config.site_url.rstrip("/") + "/"
        base = base.removesuffix(f"{language}/") if language != "zh" else base
        config.site_url = base if language == "zh" else f"{base}{language}/"
        # Absolute roots of both languages, for the sitemap's hreflang alternates.
        config.extra["roots"] = {"zh": base, "en": f"{base}en/"}
    return config


def on_files(files, config):
    # A page missing in this language is built from the other language's, under a banner.
    language = config.theme["language"]
    docs = Path(config.docs_dir)
    for other in ("zh", "en"):
        other_docs = docs.parent / other
        if other == language or not other_docs.is_dir():
            continue
        for path in sorted(other_docs.rglob("*.md")):
            uri = path.relative_to(other_docs).as_posix()
            if files.get_file_from_path(uri) is None:
                links = {a["lang"]: a["link"] for a in config.extra["alternate"].items}
                url = "" if uri == "index.md" else uri.removesuffix(".md") + "/"
                href = "../" * url.count("/") + links[other] + url
                banner = NOT_TRANSLATED[language].format(href=href)
                text = path.read_text(encoding="utf-8")
                heading, _, rest = text.partition("\n")
                files.append(File.generated(config, uri, content=f"{heading}\n\n{banner}{rest}"))
    # Offer each snippet as a file of the site, so a page can link to its source.
    for path in sorted((ROOT / "snippets").rglob("*")):
        if path.is_file() and path.suffix in {".py", ".toml"} and "__pycache__" not in path.parts:
            files.append(
                File(
                    str(path.relative_to(ROOT)),
                    src_dir=str(ROOT),
                    dest_dir=config.site_dir,
                    use_directory_urls=config.use_directory_urls,
                )
            )
    path, content = site_search.worker()
    files.append(File.generated(config, path, content=content))
    # Run every example any page includes, all at once, before the pages are rendered.
    names: dict[str, None] = {}
    for file in files.documentation_pages():
        for name in includes(file.content_string):
            names[name] = None
    examples = []
    for name in names:
        try:
            examples.append(load(name))
        except ExampleError:
            pass  # reported on the page that includes it, by the fence
    if examples and not fence.SKIP:
        start = time.monotonic()
        # Each example on every local interpreter new enough for it, each pair at most once.
        runs = cache.run_versions(examples)
        fence.remember(runs)
        log.info(
            "%d examples ready in %.2f s (%d runs)",
            len(examples),
            time.monotonic() - start,
            sum(len(results) for results in runs.values()),
        )
    return files


def on_page_markdown(markdown, page, config, files):
    if "{{ glossary }}" in markdown:
        markdown = markdown.replace("{{ glossary }}", _glossary_table(config.theme["language"]))
    if "{{ interpreters }}" in markdown:
        markdown = markdown.replace("{{ interpreters }}", _interpreters(config.theme["language"]))
    # The fence gets the example's name and the way from this page to the site's snippets/.
    up = "../" * page.url.count("/")

    def expand(match: re.Match) -> str:
        indent, name = match.group("indent"), match.group("name")
        return f"{indent}```example\n{indent}{name}\n{indent}{up}snippets/\n{indent}```"

    # Includes stand alone on their line, outside code blocks; anything else that looks like
    # one is a mistake worth stopping for.
    out = []
    for line, outside in _lines(markdown):
        if outside and INCLUDE.match(line):
            line = INCLUDE.sub(expand, line)
        elif outside and ANY_INCLUDE.search(re.sub(r"`[^`]*`", "", line)):
            raise PluginError(
                f"{page.file.src_uri}: cannot read the include {line.strip()!r}; "
                'write it alone on its line as {{ example("chapter/file.py") }}'
            )
        out.append(line)
    return "\n".join(out)


def _title(language: str, page: str) -> str:
    """A page's title: its first heading without the { #id }."""
    path = ROOT / "docs" / language / f"{page}.md"
    if not path.exists():
        return page
    first = path.read_text(encoding="utf-8").partition("\n")[0]
    return re.sub(r"\s*\{.*\}\s*$", "", first.lstrip("# ").strip())


INTERPRETERS = {
    "zh": {
        "built": "本站页面上的输出，都是当前版本的示例在构建时打印的。"
        "构建时，每个示例在本机每个满足其版本要求的解释器上各运行一次：{runs}。"
        "页面先显示最新版本的输出，其他版本的输出在旁边的标签页里。",
        "run": "Python {v} 运行了 {n} 个示例",
        "sep": ("，", "，"),  # between clauses, before the last clause
        "list": ("、", " 和 "),  # between names, before the last name
        "not_run": "这次构建没有运行示例（`GUIDE_SKIP_EXAMPLES`），页面上没有输出。",
        "tested": "构建本站的机器上有这些 CPython 3.11+：{versions}；"
        "在这台机器上，`make test` 会用其中每一个版本运行所有适用的示例。",
    },
    "en": {
        "built": "Every output on this site was printed by the current examples while the site "
        "was built, each example running once on every interpreter of the build machine that "
        "is new enough for it: {runs}. A page shows the newest interpreter's output first and "
        "the others in the tabs next to it.",
        "run": "Python {v} ran {n} example{s}",
        "sep": (", ", " and "),
        "list": (", ", " and "),
        "not_run": "This build did not run the examples (`GUIDE_SKIP_EXAMPLES`): "
        "pages show no output.",
        "tested": "The machine that built this site has these CPython 3.11+ interpreters: "
        "{versions}; on it, `make test` runs each example on every one of them that is new enough.",
    },
}


def _interpreters(language: str) -> str:
    """Which interpreters printed this build's outputs, and which ones `make test` uses here."""
    text = INTERPRETERS[language]

    def joined(items: list[str], how: str) -> str:
        between, last = text[how]
        return items[0] if len(items) == 1 else between.join(items[:-1]) + last + items[-1]

    ran = Counter(r.python for rs in fence.RUNS.values() for r in rs if not r.skipped and r.python)
    if ran:
        order = sorted(ran, key=lambda v: tuple(int(p) for p in v.split(".")))
        first = text["built"].format(
            runs=joined(
                [text["run"].format(v=v, n=ran[v], s="" if ran[v] == 1 else "s") for v in order],
                "sep",
            )
        )
    else:
        first = text["not_run"]
    versions = [
        "Python " + ".".join(map(str, interpreters.python_version(path) or version))
        for version, path in interpreters.find_pythons().items()
    ]
    return first + "\n\n" + text["tested"].format(versions=joined(versions, "list"))


def _glossary_table(language: str) -> str:
    head = {"zh": "| 中文 | English | 讲解位置 |", "en": "| English | 中文 | Taught in |"}
    rows = [head[language], "|---|---|---|"]
    for term in sorted(glossary(), key=lambda t: t["en"].lower()):
        target = term["page"] + ".md" + (f"#{term['id']}" if term.get("id") else "")
        first, second = (term["zh"], term["en"]) if language == "zh" else (term["en"], term["zh"])
        rows.append(f"| {first} | {second} | [{_title(language, term['page'])}]({target}) |")
    return "\n".join(rows)


def on_page_context(context, page, config, nav):
    # The same page in each language, as a path relative to this page.
    here_up = "../" * page.url.count("/")
    alternates = config.extra.get("alternate")
    items = alternates.items if isinstance(alternates, _Alternates) else []
    context["twins"] = [{**alt, "href": f"{here_up}{alt['link']}{page.url}"} for alt in items]
    return context


@event_priority(-50)  # after the search plugin has written the index
def on_post_build(config):
    site_search.post_process(config.site_dir, config.theme["language"])
    pyodide.copy_into(config.site_dir)  # the runtime behind the Run buttons (engine/pyodide.py)
    if os.environ.get("GUIDE_REQUIRE_EXAMPLES") and fence.SKIPPED:
        raise PluginError("examples not run on this build: " + ", ".join(sorted(fence.SKIPPED)))
