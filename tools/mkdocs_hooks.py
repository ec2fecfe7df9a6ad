"""MkDocs hooks: run the examples a page includes, and give each page its twin's address.

A page includes an example with one line, ``{{ example("chapter/file.py") }}``. Before any page
is rendered, every example included anywhere runs at once (or comes from the cache); each line
then becomes an ``example`` fence, which markdown-exec renders through ``tools.fence``, so a
failing example is a markdown-exec warning and fails a ``--strict`` build, naming it.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import fence, runner  # noqa: E402

log = logging.getLogger("mkdocs.hooks.examples")

INCLUDE = re.compile(
    r'^(?P<indent>[ \t]*)\{\{\s*example\("(?P<name>[^"\n]+)"\)\s*\}\}[ \t]*$', re.M
)
ANY_INCLUDE = re.compile(r"\{\{\s*example\b.*", re.M)


def includes(markdown: str) -> list[str]:
    """The examples a page's Markdown includes, in order."""
    return [m.group("name") for m in INCLUDE.finditer(markdown)]


class _Alternates:
    """Truthy but not iterable: Material shows its language menu, our template fills it."""

    def __init__(self, items: list[dict]) -> None:
        self.items = items

    def __bool__(self) -> bool:
        return True


def on_config(config):
    language = config.theme["language"]
    fence.LANGUAGE = language
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
    alternates = config.extra.get("alternate")
    if isinstance(alternates, list):
        config.extra["alternate"] = _Alternates(alternates)
    if config.site_url and language != "zh" and not config.site_url.endswith(f"/{language}/"):
        config.site_url = config.site_url.rstrip("/") + f"/{language}/"
    return config


def on_files(files, config):
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
    # Run every example any page includes, all at once, before the pages are rendered.
    names: dict[str, None] = {}
    for file in files.documentation_pages():
        for name in includes(Path(file.abs_src_path).read_text(encoding="utf-8")):
            names[name] = None
    examples = []
    for name in names:
        try:
            examples.append(runner.load(name))
        except runner.ExampleError:
            pass  # reported on the page that includes it, by the fence
    if examples and not fence.SKIP:
        start = time.monotonic()
        fence.RESULTS.update(runner.run_many(examples))
        log.info("%d examples ready in %.2f s", len(examples), time.monotonic() - start)
    return files


def on_page_markdown(markdown, page, config, files):
    # The fence gets the example's name and the way from this page to the site's snippets/.
    up = "../" * page.url.count("/")

    def expand(match: re.Match) -> str:
        indent, name = match.group("indent"), match.group("name")
        return f"{indent}```example\n{indent}{name}\n{indent}{up}snippets/\n{indent}```"

    expanded = INCLUDE.sub(expand, markdown)
    for stray in ANY_INCLUDE.finditer(expanded):
        raise PluginError(
            f"{page.file.src_uri}: cannot read the include {stray.group().strip()!r}; "
            'write it alone on its line as {{ example("chapter/file.py") }}'
        )
    return expanded


def on_page_context(context, page, config, nav):
    # The same page in each language, as a path relative to this page.
    here_up = "../" * page.url.count("/")
    alternates = config.extra.get("alternate")
    items = alternates.items if isinstance(alternates, _Alternates) else []
    context["twins"] = [{**alt, "href": f"{here_up}{alt['link']}{page.url}"} for alt in items]
    return context


def on_post_build(config):
    if os.environ.get("GUIDE_REQUIRE_EXAMPLES") and fence.SKIPPED:
        raise PluginError("examples not run on this build: " + ", ".join(sorted(fence.SKIPPED)))
