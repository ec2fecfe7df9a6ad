"""Preview both languages on one port: Chinese at /, English at /en/, rebuilt on every save.

    python -m engine.serve [--dev-addr 127.0.0.1:8000] [--no-livereload]      (make serve)

One long-lived process keeps both languages' MkDocs projects and serves them from a temporary
folder with MkDocs' own live-reload server (a subclass of it). Files are watched with inotify
(not polled), and a save rebuilds only what it can change:

- ``docs/zh/...`` rebuilds Chinese and ``docs/en/...`` English (and the other language too when
  it has no page of that name, as it then shows this one under a "not translated" banner);
- ``mkdocs.yml`` rebuilds Chinese, ``mkdocs.en.yml`` English;
- shared files (``snippets/``, ``overrides/``, ``mkdocs.base.yml``, ``docs/glossary.yml``)
  rebuild both; the run cache still reruns only an example whose files changed;
- ``engine/`` restarts the whole server (its modules are loaded once per process), on the
  same address.

Every open page reloads after a rebuild. A rebuild is quick because this process remembers,
keyed by everything they depend on, the results of the slow steps of the previous build of the
same language: each page's Markdown rendered to HTML (with the example outputs it shows), each
example fence, each page's search entries, and the compiled templates (Jinja's bytecode cache,
which checks each template's source). Nothing is remembered across a change of the page, its
examples' declarations, sources or results, the set of files, the configuration files or
``docs/glossary.yml``; a change to ``engine/`` restarts the process. The regular build
(``engine/build.py``) keeps only the rendered example blocks between runs (``rendered.py``).

Serving is not strict: a failing example shows as a red box on its page, and the server goes on.
A rebuild that fails (a configuration or template being edited) is logged; the pages stay as
they were until a save fixes it.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import hashlib
import http
import logging
import os
import posixpath
import re
import shutil
import signal
import sys
import tempfile
import time
import unittest.mock
import urllib.parse
from collections.abc import Callable, Iterable
from pathlib import Path

if str(Path(__file__).resolve().parent.parent) not in sys.path:  # python engine/serve.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice about its future

import jinja2
import mkdocs.utils
import watchdog.events
import watchdog.observers
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer, _timestamp
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from engine import ROOT, SNIPPETS, fence, pyodide
from engine.examples import ExampleError, load

LANGS = ("zh", "en")
CONFIGS = {"zh": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}
DOCS = {lang: ROOT / "docs" / lang for lang in LANGS}
SHARED_FILES = [ROOT / "mkdocs.base.yml", ROOT / "docs" / "glossary.yml"]
WATCHED_TREES = ["docs", "snippets", "overrides", "engine"]
RESTART = "restart"  # what a change to engine/ asks for

log = logging.getLogger("mkdocs.serve")


# --- what a change rebuilds ----------------------------------------------------------------


def ignored(path: Path) -> bool:
    """Files no build reads: bytecode, editor backups, swap and lock files."""
    name = path.name
    return (
        "__pycache__" in path.parts
        or name.endswith((".pyc", "~", ".swp", ".swx", ".tmp"))
        or name.startswith(".#")
        or name == "4913"  # vim's probe file
    )


def affected(path: Path) -> set[str]:
    """The languages a change to ``path`` rebuilds, or {RESTART} for the engine itself."""
    try:
        rel = path.resolve().relative_to(ROOT)
    except ValueError:
        return set()
    if ignored(rel):
        return set()
    parts = rel.parts
    if not parts:
        return set()
    if parts[0] == "engine":
        return {RESTART}
    for lang, config in CONFIGS.items():
        if rel == config.relative_to(ROOT):
            return {lang}
    if parts[0] == "docs" and len(parts) > 2 and parts[1] in LANGS:
        inside = Path(*parts[2:])
        # A page one language lacks is built from the other language's page.
        return {parts[1]} | {other for other in LANGS if not (DOCS[other] / inside).exists()}
    if parts[0] in WATCHED_TREES or ROOT / rel in SHARED_FILES:
        return set(LANGS)
    return set()


# --- memory of the previous build ----------------------------------------------------------


class _Memo:
    """Values from this language's previous build and the current one, keyed by content.

    After a build only what it used or made is kept, so the memory stays one site's worth.
    """

    def __init__(self) -> None:
        self.old: dict = {}
        self.new: dict = {}
        self.hits = self.misses = 0

    def get(self, key):
        if key in self.new:
            self.hits += 1
            return self.new[key]
        if key in self.old:
            self.hits += 1
            self.new[key] = value = self.old[key]
            return value
        self.misses += 1
        return None

    def put(self, key, value) -> None:
        self.new[key] = value

    def done(self, ok: bool) -> None:
        if ok:
            self.old, self.new = self.new, {}
        else:  # a failed build may have stopped early: forget nothing yet
            self.old.update(self.new)
            self.new = {}
        self.hits = self.misses = 0


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates in memory. Jinja checks each template's source checksum itself."""

    def __init__(self) -> None:
        self.buckets: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (data := self.buckets.get(bucket.key)) is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.buckets[bucket.key] = bucket.bytecode_to_string()


class _Capture(logging.Handler):
    """Every record logged while a step runs, to replay when its result is reused."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self._seen: set[int] = set()

    def emit(self, record: logging.LogRecord) -> None:
        if id(record) not in self._seen and record.levelno >= logging.INFO:
            self._seen.add(id(record))
            self.records.append(record)

    def __enter__(self) -> _Capture:
        for name in ("", "mkdocs"):  # the mkdocs logger may not propagate to the root
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        for name in ("", "mkdocs"):
            logging.getLogger(name).removeHandler(self)


def _replay(records: list[logging.LogRecord]) -> None:
    for record in records:
        logging.getLogger(record.name).handle(record)


EXAMPLE_FENCE = re.compile(r"^[ \t]*```example\n[ \t]*(\S[^\n]*)\n", re.M)


class Remember(BasePlugin):
    """Serve mode only: reuse the slow steps' results of the previous build when their inputs
    are the same. Added to each language's configuration by the preview, never by a build."""

    def __init__(self, lang: str, memos: dict[str, _Memo], world: str) -> None:
        super().__init__()
        self.lang = lang
        self.memos = memos
        self.world = world  # the configuration files' and the glossary's contents
        self.examples: dict[str, tuple | None] = {}
        self.files_key = ""
        self.theme_key = ""
        self.nav_key: str | None = None

    def _example(self, name: str) -> tuple | None:
        """What an example's fence shows depends on; None: do not remember (a failure)."""
        if name not in self.examples:
            key: tuple | None
            try:
                example = load(name)
                sources = tuple(
                    (SNIPPETS / script).read_text(encoding="utf-8") for script in example.scripts
                )
            except (ExampleError, OSError):
                key = None
            else:
                result = None if fence.SKIP else fence.RESULTS.get(name)
                if not fence.SKIP and (result is None or result.error):
                    key = None
                else:
                    key = (repr(example), sources, repr(result), fence.SKIP)
            self.examples[name] = key
        return self.examples[name]

    # Event order: the hooks' on_config (priority 100) registers the example fence first.
    @event_priority(-100)
    def on_config(self, config):
        superfences = config.mdx_configs.get("pymdownx.superfences", {})
        for custom in superfences.get("custom_fences", []):
            if custom.get("name") == "example":
                custom["format"] = self._fence(custom["format"])
        return config

    def on_pre_build(self, config):
        self.examples = {}
        search = config.plugins.get("material/search")
        if search is not None and getattr(search, "search_index", None) is not None:
            self._search(search.search_index)

    @event_priority(-100)
    def on_files(self, files, config):
        listing = "\n".join(
            f"{f.src_uri}\t{f.dest_uri}\t{f.url}\t{f.inclusion}" for f in files
        ).encode()
        self.files_key = hashlib.sha256(listing).hexdigest()
        return files

    def on_pre_page(self, page, config, files):
        page.render = self._render(page, page.render)
        return page

    @event_priority(-100)
    def on_env(self, env, config, files):
        # The page template is one object for the whole build (the environment caches it).
        h = hashlib.sha256()
        for folder in config.theme.dirs:
            h.update(folder.encode() + b"\0")
            if Path(folder).is_relative_to(ROOT):  # overrides/; the installed theme is fixed
                for path in sorted(Path(folder).rglob("*")):
                    if path.is_file():
                        h.update(str(path).encode() + b"\0" + path.read_bytes())
        self.theme_key = h.hexdigest()
        self.nav_key = None
        template = env.get_template("main.html")
        template.render = self._page_html(template.render)
        return env

    def on_post_build(self, config):
        for memo in self.memos.values():
            memo.done(ok=True)

    def on_build_error(self, error):
        for memo in self.memos.values():
            memo.done(ok=False)

    def _fence(self, format: Callable) -> Callable:
        memo = self.memos["fence"]

        def remembered(src, language, css_class, options, md, **kwargs):
            name = src.strip().partition("\n")[0].strip()
            example = self._example(name)
            key = None if example is None else (self.world, self.lang, src, example)
            if key is not None and (html := memo.get(key)) is not None:
                if "skipped" in html[1]:
                    fence.SKIPPED.add(name)
                return html[0]
            html = format(src, language, css_class, options, md, **kwargs)
            if key is not None:
                memo.put(key, (html, "skipped" if name in fence.SKIPPED else ""))
            return html

        return remembered

    def _render(self, page, render: Callable) -> Callable:
        memo = self.memos["page"]

        def remembered(config, files) -> None:
            examples = tuple(self._example(n) for n in EXAMPLE_FENCE.findall(page.markdown))
            key = None
            if None not in examples:
                key = (self.world, self.files_key, page.file.src_uri, page.url, page.markdown)
                key += examples
            if key is not None and (done := memo.get(key)) is not None:
                content, toc, title, anchors, links, records = done
                page.content = content
                page.toc = copy.deepcopy(toc)
                page._title_from_render = title
                page.present_anchor_ids = set(anchors)
                if links is not None:
                    page.links_to_anchors = {
                        target: dict(found)
                        for uri, found in links.items()
                        if (target := files.get_file_from_path(uri)) is not None
                    }
                _replay(records)
                return
            with _Capture() as capture:
                render(config, files)
            if key is not None:
                links = page.links_to_anchors
                memo.put(
                    key,
                    (
                        page.content,
                        copy.deepcopy(page.toc),
                        page._title_from_render,
                        frozenset(page.present_anchor_ids or ()),
                        None
                        if links is None
                        else {target.src_uri: dict(found) for target, found in links.items()},
                        capture.records,
                    ),
                )

        return remembered

    def _page_html(self, render: Callable) -> Callable:
        """A page's HTML, reused while the page, the navigation (every page's title, address and
        metadata), the files, the templates and the configuration are the same."""
        memo = self.memos["html"]
        own = {"nav", "pages", "config", "page", "build_date_utc", "mkdocs_version"}

        def remembered(context) -> str:
            page = context.get("page")
            if page is None:
                return render(context)
            if self.nav_key is None:
                self.nav_key = _nav_key(context["nav"])
            key = (
                self.world,
                self.files_key,
                self.theme_key,
                self.nav_key,
                page.file.src_uri,
                page.url,
                page.content,
                str(page.toc),
                str(page.title),
                repr(sorted(page.meta.items())),
                page.canonical_url,
                page.edit_url,
                repr(sorted((k, v) for k, v in context.items() if k not in own)),
            )
            if (html := memo.get(key)) is not None:
                return html
            html = render(context)
            memo.put(key, html)
            return html

        return remembered

    def _search(self, index) -> None:
        memo = self.memos["search"]
        add = index.add_entry_from_context

        def remembered(page) -> None:
            key = (
                self.world,
                page.url,
                page.content,
                str(page.toc),
                str(page.title),
                repr(sorted(page.meta.items())),
            )
            if (entries := memo.get(key)) is not None:
                index.entries.extend(copy.deepcopy(entries))
                return
            before = len(index.entries)
            add(page)
            memo.put(key, copy.deepcopy(index.entries[before:]))

        index.add_entry_from_context = remembered


def _nav_key(nav) -> str:
    """Every navigation entry's kind, title, address, metadata and children, in order."""

    def entry(item) -> tuple:
        children = tuple(entry(child) for child in (item.children or ()))
        meta = repr(sorted(getattr(item, "meta", {}).items()))
        return (type(item).__name__, str(item.title), getattr(item, "url", ""), meta, children)

    homepage = nav.homepage.url if nav.homepage else None
    return repr((tuple(entry(item) for item in nav.items), homepage))


# --- the two sites -------------------------------------------------------------------------


class Preview:
    """Both languages' sites in one temporary folder: zh/ and en/, each rebuilt on its own."""

    def __init__(self, url: str, folder: Path) -> None:
        self.url = url  # http://127.0.0.1:8000/
        self.sites = {lang: folder / lang for lang in LANGS}
        self.memos = {
            lang: {k: _Memo() for k in ("page", "fence", "search", "html")} for lang in LANGS
        }
        self.bytecode = _MemoryBytecodeCache()
        self._listing: tuple[tuple, list[str]] = ((), [])
        self.copied: dict[str, tuple[str, int, int]] = {}  # target: (source, size, mtime)

    def site_url(self, lang: str) -> str:
        return self.url if lang == "zh" else self.url + "en/"

    def _world(self, lang: str) -> str:
        h = hashlib.sha256()
        for path in (CONFIGS[lang], *SHARED_FILES):
            h.update(str(path).encode() + b"\0")
            h.update(path.read_bytes() if path.exists() else b"-")
        return h.hexdigest()

    def _templates(self, dirs: list[str], list_templates: Callable[[], list[str]]) -> list[str]:
        """The theme's files (thousands of icons among them), listed again only when a folder
        of this project (overrides/) has a file more or fewer."""
        ours = [Path(d) for d in dirs if Path(d).is_relative_to(ROOT)]
        key = (tuple(dirs), tuple(sorted(str(p) for d in ours for p in d.rglob("*"))))
        if self._listing[0] != key:
            # MkDocs takes no hidden file from a theme (its filter: ".*", "*/.*"); leaving
            # them out here spares it filtering the icons one by one.
            names = list_templates()
            self._listing = (key, [n for n in names if "/." not in "/" + n])
        return list(self._listing[1])

    def build(self, lang: str) -> float:
        """Build one language into its folder; the seconds it took."""
        start = time.monotonic()
        config = load_config(str(CONFIGS[lang]), site_dir=str(self.sites[lang]), strict=False)
        config.site_url = self.site_url(lang)
        theme, get_env, bytecode = config.theme, config.theme.get_env, self.bytecode
        listing = self._templates

        def cached_env() -> jinja2.Environment:
            env = get_env()
            env.bytecode_cache = bytecode
            loader = env.loader
            if isinstance(loader, jinja2.FileSystemLoader):
                list_templates = loader.list_templates
                loader.list_templates = lambda: listing(loader.searchpath, list_templates)
            return env

        theme.get_env = cached_env  # every environment of this build, the search plugin's too
        config.plugins["guide/remember"] = Remember(lang, self.memos[lang], self._world(lang))
        with self._in_place(self.sites[lang]):
            build(config, serve_url=config.site_url)
        return time.monotonic() - start

    @contextlib.contextmanager
    def _in_place(self, site: Path):
        """Build over the previous build instead of into an emptied folder: static files whose
        source did not change are not copied again; after the build, files it did not write
        (a deleted page's) are removed."""
        started = time.time_ns() - 50_000_000  # file times may lag the clock a little
        kept: set[str] = set()
        copied = self.copied
        copy_file = File.copy_file

        def copy_if_changed(file: File, dirty: bool = False) -> None:
            source, target = file.abs_src_path, file.abs_dest_path
            if file._content is None and source is not None:
                stat = os.stat(source)
                seen = (source, stat.st_size, stat.st_mtime_ns)
                if copied.get(target) == seen and os.path.isfile(target):
                    kept.add(target)
                    return
                copy_file(file, dirty)
                copied[target] = seen
            else:
                copy_file(file, dirty)

        with (
            unittest.mock.patch.object(mkdocs.utils, "clean_directory", lambda directory: None),
            unittest.mock.patch.object(File, "copy_file", copy_if_changed),
        ):
            yield
        # The runtime behind the Run buttons is hard-linked from its cache by a hook: its files
        # keep the cache's times, yet this build put them there.
        kept.update(str(path) for path in (site / pyodide.SITE_DIR).glob("*"))
        for folder, _, names in os.walk(site, topdown=False):
            for name in names:
                path = os.path.join(folder, name)
                if path not in kept and os.stat(path).st_mtime_ns < started:
                    os.unlink(path)
                    copied.pop(path, None)
            if folder != str(site) and not os.listdir(folder):
                os.rmdir(folder)


# --- the server ----------------------------------------------------------------------------


class _Restart(Exception):
    """A tool changed: start this server again, on the same address."""


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server with both sites: /en/... from en/, the rest from zh/.

    Changes are seen through inotify (watchdog's native observer) instead of polling, and the
    build loop rebuilds only the languages the changed paths belong to.
    """

    build_quiet = 0.05  # seconds without a new change before a rebuild starts

    def __init__(self, preview: Preview, host: str, port: int, livereload: bool = True) -> None:
        self.preview = preview
        super().__init__(
            builder=lambda: None, host=host, port=port, root=str(preview.sites["zh"].parent)
        )
        self.livereload = livereload
        self.observer = watchdog.observers.Observer()
        self._changed: dict[str, set[Path]] = {}
        self.server_bind()  # now: a taken port fails before the first build, port 0 is chosen
        self.server_activate()
        self.host, self.port = self.server_address[:2]
        self.url = f"http://{host}:{self.port}/"

    # The watcher.

    def watch_project(self) -> None:
        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = self._on_event  # type: ignore[method-assign]
        for tree in WATCHED_TREES:
            if (ROOT / tree).is_dir():
                self.observer.schedule(handler, str(ROOT / tree), recursive=True)
        self.observer.schedule(handler, str(ROOT), recursive=False)  # the configuration files

    def _on_event(self, event: watchdog.events.FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in {
            "created",
            "modified",
            "deleted",
            "moved",
            "closed",
        }:
            return  # reads ("opened", "closed_no_write") are the builds' own
        paths = [event.src_path, getattr(event, "dest_path", "")]
        found = {}
        for name in filter(None, paths):
            path = Path(os.fsdecode(name))
            for lang in affected(path):
                found.setdefault(lang, set()).add(path)
        if found:
            with self._rebuild_cond:
                for lang, paths_ in found.items():
                    self._changed.setdefault(lang, set()).update(paths_)
                self._rebuild_cond.notify_all()

    # The build loop (after LiveReloadServer._build_loop, with the changed paths).

    def run(self) -> None:
        """Build both languages, then serve them and rebuild on changes until Ctrl-C."""
        if self.livereload:
            self.watch_project()
            self.observer.start()  # before the first build: no save is missed
        log.info(f"Building into {self.preview.sites['zh'].parent}")
        for lang in LANGS:
            seconds = self.preview.build(lang)
            log.info(f"{lang}: built in {seconds:.2f} s")
        log.info(f"Serving on {self.url} (中文) and {self.url}en/ (English)")
        self.serve_thread.start()
        if self.livereload:
            self._build_loop()
        else:
            self.serve_thread.join()

    def _build_loop(self) -> None:
        while True:
            with self._rebuild_cond:
                while not self._rebuild_cond.wait_for(
                    lambda: self._changed or self._shutdown, timeout=self.shutdown_delay
                ):
                    pass  # woken now and then, so that Ctrl-C gets through
                if self._shutdown:
                    break
                while self._rebuild_cond.wait(timeout=self.build_quiet):
                    pass  # more changes are coming: wait until they stop
                changed, self._changed = self._changed, {}
                self._wanted_epoch = _timestamp()
            if RESTART in changed:
                raise _Restart(", ".join(sorted(_shown(p) for p in changed[RESTART])))
            built = False
            for lang in LANGS:
                if lang not in changed:
                    continue
                what = ", ".join(sorted(_shown(p) for p in changed[lang]))
                try:
                    seconds = self.preview.build(lang)
                except Exception as error:  # a page or the configuration is half edited
                    log.error(f"{lang}: the rebuild failed ({what}): {error}")
                    continue
                built = True
                log.info(f"{lang}: rebuilt in {seconds:.2f} s ({what})")
            with self._epoch_cond:
                if built:  # open pages reload
                    self._visible_epoch = self._wanted_epoch
                else:  # serve what is there (built over, never emptied), reload nothing
                    self._wanted_epoch = self._visible_epoch
                self._epoch_cond.notify_all()

    # Requests.

    def _site_file(self, path: str) -> tuple[str, str]:
        """(language, file path) for a request path."""
        lang = "en" if path == "/en" or path.startswith("/en/") else "zh"
        rest = path[len("/en") :] if lang == "en" else path
        if rest.endswith("/"):
            rest += "index.html"
        rest = posixpath.normpath("/" + rest).lstrip("/")  # no way out of the site
        return lang, os.path.join(self.preview.sites[lang], rest)

    def _serve_request(self, environ, start_response) -> Iterable[bytes] | None:
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if path.startswith("/livereload/"):
            return super()._serve_request(environ, start_response)
        _, file_path = self._site_file(path)
        # Wait for the rebuild under way (if any): no half-built site.
        with self._epoch_cond:
            self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
            epoch = self._visible_epoch
        try:
            with open(file_path, "rb") as f:
                stat = os.fstat(f.fileno())
                content = f.read()
        except OSError:
            if os.path.isfile(os.path.join(file_path, "index.html")):
                start_response("302 Found", [("Location", urllib.parse.quote(path) + "/")])
                return []
            return None
        headers = [("Content-Type", self._guess_type(file_path))]
        if self.livereload and file_path.endswith(".html"):
            content = self._inject_js_into_html(content, epoch)
        else:
            # The browser asks again on every load and gets "not modified" while the file is
            # the same: a reload does not fetch the theme's scripts and styles again.
            tag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"'
            headers += [("ETag", tag), ("Cache-Control", "no-cache")]
            if environ.get("HTTP_IF_NONE_MATCH") == tag:
                start_response("304 Not Modified", headers)
                return []
        start_response("200 OK", [*headers, ("Content-Length", str(len(content)))])
        return [content]

    def serve_request(self, environ, start_response) -> Iterable[bytes]:
        try:
            result = self._serve_request(environ, start_response)
        except Exception:
            log.exception("500 Internal Server Error")
            code = http.HTTPStatus.INTERNAL_SERVER_ERROR
        else:
            if result is not None:
                return result
            code = http.HTTPStatus.NOT_FOUND
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        lang, _ = self._site_file(path)
        page = self.preview.sites[lang] / "404.html"
        body = f"{code.value} {code.phrase}".encode()
        if code == http.HTTPStatus.NOT_FOUND and page.is_file():
            body = page.read_bytes()
        start_response(f"{code.value} {code.phrase}", [("Content-Type", "text/html")])
        return [body]


def _shown(path: Path) -> str:
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


# --- the command ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT")
    parser.add_argument("--no-livereload", action="store_true", help="no watching, no reloads")
    args = parser.parse_args(argv)
    host, _, port = args.dev_addr.rpartition(":")
    host = host or "127.0.0.1"

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)

    def stop(signum, frame):
        raise KeyboardInterrupt  # SIGTERM too cleans up like Ctrl-C

    signal.signal(signal.SIGTERM, stop)
    folder = Path(tempfile.mkdtemp(prefix="guide-serve-"))
    server = None
    try:
        preview = Preview(f"http://{host}:{port}/", folder)
        server = PreviewServer(preview, host, int(port), livereload=not args.no_livereload)
        preview.url = server.url  # the port the system chose, for port 0
        server.run()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    except _Restart as restart:
        log.info(f"{restart} changed: restarting the server")
        server.shutdown(wait=True)
        shutil.rmtree(folder, ignore_errors=True)
        again = ["--dev-addr", f"{server.host}:{server.port}"]
        again += ["--no-livereload"] if args.no_livereload else []
        sys.stderr.flush()
        os.chdir(ROOT)
        os.execv(sys.executable, [sys.executable, "-m", "engine.serve", *again])
    finally:
        if server is not None:
            server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
