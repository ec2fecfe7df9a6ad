"""Pyodide (CPython 3.14 compiled to WebAssembly): the runtime behind the pages' Run buttons.

The npm package is pinned by version and integrity hash, fetched once with npm (``npm pack``)
into ``.cache/pyodide/`` and checked against the hash; its core files are copied into each
built site under ``assets/pyodide/``. Nothing else is fetched, and builds work offline once the
runtime is cached. Without npm and without the cache, pages are built without Run buttons and
the build says once what to install.

This module also decides which examples can run in a browser: an example's ``browser`` option
in ``examples.toml`` (``true``, or the key of a reason below), else what the example uses.

    python tools/pyodide.py        fetch the runtime into the cache (exit 1 if it cannot)
"""

from __future__ import annotations

import ast
import base64
import functools
import hashlib
import html
import json
import logging
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import runner  # noqa: E402

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


# ---------------------------------------------------------------- which examples run


REASONS = {
    "group": {
        "en": "a server and its clients run as separate processes",
        "zh": "服务器和客户端是几个独立的进程",
    },
    "network": {"en": "it opens network connections", "zh": "它要建立网络连接"},
    "subprocess": {"en": "it starts subprocesses", "zh": "它要启动子进程"},
    "signal": {"en": "it uses signals", "zh": "它要用到信号"},
    "threads": {
        "en": "it uses threads or processes (they run synchronously there)",
        "zh": "它用到线程或进程（浏览器里它们同步执行）",
    },
    "files": {"en": "it reads files next to it", "zh": "它要读取旁边的文件"},
    "module": {
        "en": "it runs under a test runner (python -m)",
        "zh": "它要通过测试运行器启动（python -m）",
    },
    "eager": {
        "en": "Pyodide's event loop does not support the eager task factory",
        "zh": "Pyodide 的事件循环不支持 eager 任务工厂",
    },
    "blocking": {
        "en": "time.sleep() does not block Pyodide's event loop as it does CPython's",
        "zh": "Pyodide 里的 time.sleep() 不像 CPython 那样阻塞事件循环",
    },
    "loop": {
        "en": "it relies on details of CPython's event loop that Pyodide's one, always "
        "running loop does not have",
        "zh": "它依赖 CPython 事件循环的细节，"
        "而 Pyodide 只有一个一直在运行的事件循环，没有这些细节",
    },
    "debug": {
        "en": "Pyodide's event loop has no debug mode",
        "zh": "Pyodide 的事件循环没有调试模式",
    },
    "repr": {
        "en": "it prints task objects, whose class is PyodideTask there",
        "zh": "它打印任务对象，而在 Pyodide 里任务的类是 PyodideTask",
    },
    "exit": {"en": "it ends with a Ctrl-C or an exit code", "zh": "它以 Ctrl-C 或退出码结束"},
    "stderr": {
        "en": "its output depends on how CPython starts and exits",
        "zh": "它的输出取决于 CPython 的启动和退出过程",
    },
}
LABEL = {"en": "Not runnable in the browser: {why}.", "zh": "不能在浏览器中运行：{why}。"}

MODULES = {
    "socket": "network",
    "ssl": "network",
    "http": "network",
    "urllib": "network",
    "selectors": "network",
    "subprocess": "subprocess",
    "signal": "signal",
    "threading": "threads",
    "concurrent": "threads",
    "multiprocessing": "threads",
    "_thread": "threads",
}
CALLS = {
    "open_connection": "network",
    "start_server": "network",
    "open_unix_connection": "network",
    "start_unix_server": "network",
    "create_server": "network",
    "create_connection": "network",
    "create_datagram_endpoint": "network",
    "create_unix_connection": "network",
    "create_unix_server": "network",
    "getaddrinfo": "network",
    "getnameinfo": "network",
    "start_tls": "network",
    "sock_connect": "network",
    "sock_accept": "network",
    "create_subprocess_exec": "subprocess",
    "create_subprocess_shell": "subprocess",
    "subprocess_exec": "subprocess",
    "subprocess_shell": "subprocess",
    "add_signal_handler": "signal",
    "to_thread": "threads",
    "run_in_executor": "threads",
    "run_coroutine_threadsafe": "threads",
    "call_soon_threadsafe": "threads",
    "eager_task_factory": "eager",
    "create_eager_task_factory": "eager",
    "open": "files",
}


def derived_reason(source: str) -> str:
    """The key of why a script cannot run in a browser, from what it uses ("" if it can)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [MODULES.get(alias.name.split(".")[0], "") for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(MODULES.get(node.module.split(".")[0], ""))
            found += [CALLS.get(alias.name, "") for alias in node.names]
        elif isinstance(node, ast.Attribute):
            found.append(CALLS.get(node.attr, ""))
        elif isinstance(node, ast.Name) and node.id == "open":
            found.append("files")
    order = list(REASONS)
    found = [f for f in found if f]
    return min(found, key=order.index) if found else ""


@functools.cache
def reason(name: str) -> str:
    """The key of why example ``name`` cannot run in a browser; "" when it can."""
    example = runner.load(name)
    declared = example.browser
    if declared is True:
        return ""
    if isinstance(declared, str):
        if declared not in REASONS:
            raise runner.ExampleError(
                f"example {name!r}: browser = {declared!r} is not one of {', '.join(REASONS)}"
            )
        return declared
    if example.is_group:
        return "group"
    if example.module:
        return "module"
    if example.reads:
        return "files"
    if example.returncode != 0:
        return "exit"
    return derived_reason((runner.SNIPPETS / example.scripts[0]).read_text(encoding="utf-8"))


def element(example: runner.Example, language: str) -> str:
    """What the page shows where the Run button goes: a marker for run.js, or why not."""
    if runtime() is None:
        return ""
    why = reason(example.name)
    if why:
        text = LABEL[language].format(why=REASONS[why][language])
        return f'<p class="example-meta example-norun">{html.escape(text)}</p>'
    data = {"name": example.name, "timing": example.timing, "python": "3.14"}
    return f"<p class=\"example-run\" data-run='{html.escape(json.dumps(data))}'></p>"


def main() -> int:
    folder, why = fetch()
    if folder is None:
        print(why, file=sys.stderr)
        return 1
    print(f"{PACKAGE} {VERSION}: {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
