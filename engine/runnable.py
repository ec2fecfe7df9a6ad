"""Which examples a reader can run in the page (Pyodide, CPython 3.14 in the browser), and what
the page shows where the Run button goes.

An example's ``browser`` option in ``examples.toml`` decides (``true``, or the key of a reason
below); without it, what the example uses does: groups, test modules, examples that read files,
end with an exit code, or use sockets, subprocesses, signals, threads or executors do not run
there.
"""

from __future__ import annotations

import ast
import functools
import html
import json

from engine import SNIPPETS
from engine.examples import Example, ExampleError, load
from engine.pyodide import runtime

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
    example = load(name)
    declared = example.browser
    if declared is True:
        return ""
    if isinstance(declared, str):
        if declared not in REASONS:
            raise ExampleError(
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
    return derived_reason((SNIPPETS / example.scripts[0]).read_text(encoding="utf-8"))


def element(example: Example, language: str) -> str:
    """What the page shows where the Run button goes: a marker for run.js, or why not."""
    if runtime() is None:
        return ""
    why = reason(example.name)
    if why:
        text = LABEL[language].format(why=REASONS[why][language])
        return f'<p class="example-meta example-norun">{html.escape(text)}</p>'
    data = {"name": example.name, "timing": example.timing, "python": "3.14"}
    return f"<p class=\"example-run\" data-run='{html.escape(json.dumps(data))}'></p>"
