"""The ``example`` fence: an example's source and the transcript of its run, via markdown-exec.

The fence body is two lines, written by the include hook: the example's name and the relative
way from the page to the site's copy of ``snippets/``. Rendering goes through
``markdown_exec.base_format``, so a failure is logged as a markdown-exec warning naming the
example, which fails a ``--strict`` build, and the page shows an error box instead.
"""

from __future__ import annotations

import difflib
import hashlib
import html
import json
import os
import re
import tempfile
from importlib import metadata
from pathlib import Path

from markdown_exec import ExecutionError, base_format

from tools import pyodide, runner

LANGUAGE = "zh"  # set by the hooks from the theme's language
RUNS: dict[str, list[runner.Result]] = {}  # every version's result, newest first (the hooks)
RESULTS: dict[str, runner.Result] = {}  # the newest result of each example in RUNS
SKIP = bool(os.environ.get("GUIDE_SKIP_EXAMPLES"))  # render only: examples are not run
SKIPPED: set[str] = set()

LABELS = {
    "zh": {
        "source": "源文件",
        "colon": "：",
        "output": "输出",
        "needs": "需要 Python {v} 或更高版本",
        "ran": "Python {v} 的运行结果",
        "not_run": "本次构建没有运行示例（GUIDE_SKIP_EXAMPLES）。",
        "not_here": "本次构建没有运行这个示例：{why}",
        "failed": "示例 {name} 运行失败：{why}",
        "cut": "输出太长，中间省略了 {n} 行",
        "timeline": "时间线：本次运行中每行输出出现的时刻（从第一行算起）",
        "lanes": "任务泳道：本次运行（Python {v}）中每个任务一条泳道，实心条表示任务在运行"
        "（从恢复到下一次挂起），虚线表示它在等待；时间从第一行输出算起",
        "lanes_text": "泳道的文字版本",
        "lane": "{task}：运行 {n} 次，共 {busy} 毫秒，从 +{first:.2f} 秒到 +{last:.2f} 秒，"
        "运行于 {spans}",
        "lanes_more": "另有 {n} 个任务没有画出",
        "list": ("、", " 和 "),
        "same": "除了时间和地址，运行它的每个版本输出都相同：Python {versions}。",
        "only": "本次构建只有 Python {v} 运行了它（需要 Python {need} 或更高版本）。",
        "differs": "各版本的输出不尽相同（不同的行已高亮）：{how}。",
        "how_sep": "；",
        "how": "Python {v} 与 {newest} 相比{what}",
        "what_sep": "、",
        "changed": "有 {n} 行不同",
        "more": "多 {n} 行",
        "fewer": "少 {n} 行",
        "order": "行都相同，但顺序不同",
        "same_as": "Python {v} 与 {newest} 相同",
    },
    "en": {
        "source": "source",
        "colon": ": ",
        "output": "output",
        "needs": "needs Python {v} or newer",
        "ran": "run by Python {v}",
        "not_run": "Examples were not run in this build (GUIDE_SKIP_EXAMPLES).",
        "not_here": "This build did not run the example: {why}",
        "failed": "Example {name} failed: {why}",
        "cut": "long output: {n} lines cut from the middle",
        "timeline": "Timeline: when each line appeared in this run, counted from the first line",
        "lanes": "Task lanes: one lane per task of this run (Python {v}); a solid bar where the "
        "task was running (from a resume to its next suspension), a dashed line where it was "
        "waiting; counted from the first line",
        "lanes_text": "The lanes as text",
        "lane": "{task}: ran {n} time{s}, {busy} ms in all, from +{first:.2f} s to +{last:.2f} s, "
        "running at {spans}",
        "lanes_more": "{n} more tasks are not drawn",
        "list": (", ", " and "),
        "same": "The same output, timings and addresses aside, on each version that ran it: "
        "Python {versions}.",
        "only": "Only Python {v} ran it in this build (it needs Python {need} or newer).",
        "differs": "Not the same on every version (differing lines highlighted): {how}.",
        "how_sep": "; ",
        "how": "Python {v} against {newest}: {what}",
        "what_sep": ", ",
        "changed": "{n} changed line{s}",
        "more": "{n} extra line{s}",
        "fewer": "{n} missing line{s}",
        "order": "the same lines in another order",
        "same_as": "Python {v} prints the same as {newest}",
    },
}


def validator(language, inputs, options, attrs, md):
    return True


def _fence(info: str, body: str) -> str:
    ticks = "`" * max(3, 1 + max((len(m) for m in re.findall(r"`+", body)), default=0))
    return f"{ticks}{info}\n{body}\n{ticks}"


def _title(text: str) -> str:
    return text.replace('"', "'")


def _timeline(proc: runner.Proc, label: str) -> str:
    """An SVG timeline of one run: each printed line as a dot at its offset from the first."""
    if len(proc.lines) < 2 or len(proc.lines) > 40:
        return ""
    first = proc.times[0]
    offsets = [t - first for t in proc.times]
    span = max(offsets[-1], 0.05)
    step = next(s for s in (0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0) if span / s <= 8)
    left, right, top, row = 330, 620, 30, 18
    height = top + row * len(proc.lines) + 6

    def x(t: float) -> float:
        return left + (right - left) * t / (span * 1.05)

    parts = [
        f'<svg class="timeline" viewBox="0 0 640 {height}" role="img" '
        f'aria-label="{html.escape(label)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    tick = 0.0
    while tick <= span * 1.05:
        parts.append(
            f'<line class="grid" x1="{x(tick):.1f}" y1="{top - 8}" x2="{x(tick):.1f}" '
            f'y2="{height - 4}"/><text class="tick" x="{x(tick):.1f}" y="{top - 14}" '
            f'text-anchor="middle">{tick:g}s</text>'
        )
        tick = round(tick + step, 6)
    for i, (t, line) in enumerate(zip(offsets, proc.lines, strict=True)):
        y = top + row * i + row / 2
        text = line if len(line) <= 44 else line[:43] + "…"
        parts.append(
            f'<text class="label" x="{left - 12}" y="{y + 4:.1f}" text-anchor="end">'
            f"{html.escape(text)}</text>"
            f'<line class="guide" x1="{left - 8}" y1="{y:.1f}" x2="{x(t):.1f}" y2="{y:.1f}"/>'
            f'<circle cx="{x(t):.1f}" cy="{y:.1f}" r="4"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


MAX_LANES = 24


def _lane_name(task: list) -> str:
    name, coro, _ = task
    if re.fullmatch(r"Task-\d+", name):
        return f"{coro} ({name})" if coro else name
    return name if coro in ("", name) else f"{name} ({coro})"


def _lanes(result: runner.Result, proc: runner.Proc) -> str:
    """Task lanes: for each task, when it ran (solid) and when it waited (dashed), as an SVG
    narrow enough for a phone, followed by the same as text."""
    if not result.tasks or not proc.times:
        return ""
    text = LABELS[LANGUAGE]
    first = proc.times[0]
    tasks = result.tasks[:MAX_LANES]
    spans = [[(max(0.0, a - first), max(0.0, b - first)) for a, b in t[2]] for t in tasks]
    end = max([s[-1][1] for s in spans] + [proc.times[-1] - first])
    span = max(end, 0.05)
    step = next(s for s in (0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0) if span / s <= 6)
    left, right, top, row = 8, 352, 26, 30
    height = top + row * len(tasks) + 4

    def x(t: float) -> float:
        return left + (right - left) * t / (span * 1.05)

    label = text["lanes"].format(v=result.python)
    parts = [
        f'<svg class="lanes" viewBox="0 0 360 {height}" role="img" '
        f'aria-label="{html.escape(label)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    tick = 0.0
    while tick <= span * 1.05:
        parts.append(
            f'<line class="grid" x1="{x(tick):.1f}" y1="{top - 8}" x2="{x(tick):.1f}" '
            f'y2="{height - 2}"/><text class="tick" x="{x(tick):.1f}" y="{top - 12}" '
            f'text-anchor="middle">{tick:g}s</text>'
        )
        tick = round(tick + step, 6)
    lines = []
    for i, (task, steps) in enumerate(zip(tasks, spans, strict=True)):
        y = top + row * i
        name = _lane_name(task)
        shown = name if len(name) <= 48 else name[:47] + "…"
        bar = y + 16
        parts.append(
            f'<g class="lane"><text class="label" x="{left}" y="{y + 11}">{html.escape(shown)}'
            f'</text><line class="wait" x1="{x(steps[0][0]):.1f}" y1="{bar + 4}" '
            f'x2="{x(steps[-1][1]):.1f}" y2="{bar + 4}"/>'
        )
        for a, b in steps:
            width = max(2.0, x(b) - x(a))
            parts.append(
                f'<rect class="run" x="{x(a):.1f}" y="{bar}" width="{width:.1f}" height="8"/>'
            )
        parts.append("</g>")
        busy = sum(b - a for a, b in steps) * 1000
        lines.append(
            text["lane"].format(
                task=name,
                n=len(steps),
                s="" if len(steps) == 1 else "s",
                busy=f"{busy:.1f}",
                first=steps[0][0],
                last=steps[-1][1],
                spans=", ".join(f"+{a:.2f}–{b:.2f}" for a, b in steps[:12])
                + (", …" if len(steps) > 12 else ""),
            )
        )
    parts.append("</svg>")
    if len(result.tasks) > MAX_LANES:
        lines.append(text["lanes_more"].format(n=len(result.tasks) - MAX_LANES))
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return (
        f'<div class="example-lanes">{"".join(parts)}'
        f'<p class="example-timeline-caption">{html.escape(label)}</p>'
        f'<details class="example-lanes-text"><summary>{text["lanes_text"]}</summary>'
        f"<ul>{items}</ul></details></div>"
    )


def remember(runs: dict[str, list[runner.Result]]) -> None:
    """Keep the hooks' results: every version's, and the newest of each example."""
    RUNS.update(runs)
    RESULTS.update({name: results[0] for name, results in runs.items() if results})


# What may differ between two runs without the output being different: timings, ports, process
# and object ids, addresses.
_VOLATILE = [
    (re.compile(r"0x[0-9a-fA-F]+"), "0x…"),
    (re.compile(r"\b\d+(?:\.\d+)?\s?(?:s|ms|µs|seconds?)\b"), "N s"),
    (re.compile(r"127\.0\.0\.1(:|', |\", |, )\d+"), r"127.0.0.1\1PORT"),
    (re.compile(r"\b(pid|port|id|PID|fd)([ =:]+)\d+"), r"\1\2N"),
    (re.compile(r"^(\$ python3 .*\.py)(?: \d+)+$"), r"\1 PORT"),
]


def comparable(result: runner.Result) -> list[str]:
    """The transcript's lines with what changes from run to run replaced by placeholders."""
    lines = runner.transcript(result).split("\n")
    for pattern, replacement in _VOLATILE:
        lines = [pattern.sub(replacement, line) for line in lines]
    return lines


def _joined(items: list[str], text: dict) -> str:
    between, last = text["list"]
    return items[0] if len(items) == 1 else between.join(items[:-1]) + last + items[-1]


def compare(results: list[runner.Result]) -> tuple[list[set[int]], str]:
    """For results newest first: each one's lines (1-based) that differ, and the page's note."""
    text = LABELS[LANGUAGE]
    newest = comparable(results[0])
    marks: list[set[int]] = [set() for _ in results]
    how, same = [], []
    for i, result in enumerate(results[1:], 1):
        other = comparable(result)
        changed = more = fewer = 0
        for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, newest, other).get_opcodes():
            if op == "equal":
                continue
            marks[0].update(range(a1 + 1, a2 + 1))
            marks[i].update(range(b1 + 1, b2 + 1))
            changed += min(a2 - a1, b2 - b1)
            more += max(0, (b2 - b1) - (a2 - a1))
            fewer += max(0, (a2 - a1) - (b2 - b1))
        what = [
            text[key].format(n=n, s="" if n == 1 else "s")
            for key, n in (("changed", changed), ("more", more), ("fewer", fewer))
            if n
        ]
        if what and sorted(other) == sorted(newest):
            what = [text["order"]]
        if what:
            how.append(
                text["how"].format(
                    v=result.python, newest=results[0].python, what=text["what_sep"].join(what)
                )
            )
            same.append(False)
        else:
            how.append(text["same_as"].format(v=result.python, newest=results[0].python))
            same.append(True)
    if not all(same):
        return marks, text["differs"].format(how=text["how_sep"].join(how))
    if len(results) == 1:
        return marks, ""
    versions = [r.python for r in reversed(results)]
    return marks, text["same"].format(versions=_joined(versions, text))


def _indent(block: str) -> str:
    return "\n".join("    " + line if line else "" for line in block.split("\n"))


def _render(example: runner.Example, results: list[runner.Result] | None, base: str) -> str:
    text = LABELS[LANGUAGE]
    parts = []
    for script in example.scripts:
        code = (runner.SNIPPETS / script).read_text(encoding="utf-8").rstrip("\n")
        parts.append(_fence(f'python title="{Path(script).name}"', code))
        link = f'<a href="{base}{script}">{text["source"]}{text["colon"]}<code>{script}</code></a>'
        parts.append(f'<p class="example-meta">{link}</p>')
    parts.append(pyodide.element(example, LANGUAGE))  # the Run button's place (run.js)
    if example.min_python > runner.MIN_PYTHON:
        version = ".".join(map(str, example.min_python))
        parts.insert(0, f'<p class="example-needs">{text["needs"].format(v=version)}</p>')
    if results is None:
        parts.append(f'!!! note ""\n    {text["not_run"]}')
        return "\n\n".join(parts)
    result = results[0]  # the newest interpreter's
    if result.skipped:
        parts.append(f'!!! warning ""\n    {text["not_here"].format(why=result.skipped)}')
        return "\n\n".join(parts)
    for proc in result.procs:
        if proc.cut:
            parts.append(f'<p class="example-cut">{text["cut"].format(n=proc.cut)}</p>')
    marks, note = compare(results)
    if note and not any(marks):  # the same everywhere: one transcript
        results = results[:1]
    if len(results) == 1 and example.min_python > runner.MIN_PYTHON and not note:
        need = ".".join(map(str, example.min_python))
        note = text["only"].format(v=result.python, need=need)
    blocks = []
    for shown, lines in zip(results, marks, strict=False):
        title = f"{text['output']} · {text['ran'].format(v=shown.python)}"
        info = f'console title="{_title(title)}"'
        if lines:
            info += ' hl_lines="' + " ".join(map(str, sorted(lines))) + '"'
        blocks.append(_fence(info, runner.transcript(shown, timing=example.timing)))
    if note:  # before the transcripts, so that a reader knows what to look for
        parts.append(f'<p class="example-versions">{html.escape(note)}</p>')
    if len(blocks) == 1:
        parts.append(blocks[0])
    else:
        parts.append(
            "\n\n".join(
                f'=== "Python {shown.python}"\n\n{_indent(block)}'
                for shown, block in zip(results, blocks, strict=True)
            )
        )
    if example.timing:
        for proc in result.procs:
            if svg := _timeline(proc, text["timeline"]):
                parts.append(
                    f'<div class="example-timeline">{svg}<p class="example-timeline-caption">'
                    f"{text['timeline']}</p></div>"
                )
        if len(result.procs) == 1 and (lanes := _lanes(result, result.procs[0])):
            parts.append(lanes)
    return '<div class="example" markdown>\n\n' + "\n\n".join(parts) + "\n\n</div>"


# --- rendered fences, kept between builds ------------------------------------------------
# Highlighting a fence's source and transcripts is most of a page's rendering time. The HTML of
# a fence that rendered without error is kept next to the run cache, keyed by everything it is
# made of, so a build in which an example and its results did not change renders it once.

MARKDOWN_KEY = ""  # the Markdown configuration's fingerprint (the hooks set it in on_config)
_RENDERERS = ("markdown", "pymdown-extensions", "pygments", "markdown-exec", "mkdocs-material")


def markdown_key(extensions: list, configs: dict) -> str:
    """What every fence's HTML depends on besides its example: the Markdown extensions and
    their options, the versions of the packages that render them, and this module's code."""

    def name(value):  # a callable option (our own fence's formatter) by its name
        return getattr(value, "__qualname__", type(value).__name__)

    h = hashlib.sha256(json.dumps([extensions, configs], sort_keys=True, default=name).encode())
    for package in _RENDERERS:
        h.update(f"{package}={metadata.version(package)}".encode())
    for module in (__file__, pyodide.__file__, runner.__file__):
        h.update(Path(module).read_bytes())
    return h.hexdigest()


def _fences_dir() -> Path:
    return runner._cache_dir() / "fences"


def _fence_key(src: str, example: runner.Example, results: list[runner.Result] | None) -> str:
    h = hashlib.sha256(f"{MARKDOWN_KEY}|{LANGUAGE}|{SKIP}|{src}|{example!r}".encode())
    for script in example.scripts:
        h.update(b"\0" + (runner.SNIPPETS / script).read_bytes())
    h.update(pyodide.element(example, LANGUAGE).encode())
    runs = None if results is None else [r.to_json() for r in results]
    h.update(json.dumps(runs, sort_keys=True).encode())
    return h.hexdigest()


def _recall(key: str) -> tuple[str, bool] | None:
    try:
        entry = json.loads((_fences_dir() / f"{key}.json").read_text(encoding="utf-8"))
        return entry["html"], entry["skipped"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _keep(key: str, html_text: str, skipped: bool) -> None:
    folder = _fences_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"html": html_text, "skipped": skipped}, f)
        os.replace(tmp, folder / f"{key}.json")
    except OSError:
        pass  # a cache that cannot be written only costs time


def formatter(src, language, css_class, options, md, **kwargs):
    name, _, base = src.strip().partition("\n")
    name, base = name.strip(), base.strip()
    state = {}  # what run() found: the key to keep the HTML under, if it rendered without error

    def run(code, **_):
        try:
            example = runner.load(name)
        except runner.ExampleError as error:
            raise ExecutionError(f'!!! failure "{_title(str(error))}"') from None
        if SKIP:
            SKIPPED.add(name)
            results = None
        else:
            results = RUNS.get(name) or runner.cached_runs(example)
            if results[0].skipped:
                SKIPPED.add(name)
            for result in results:
                if result.error:
                    tail = runner.transcript(result, timing=example.timing).splitlines()[-25:]
                    why = LABELS[LANGUAGE]["failed"].format(
                        name=f"{name} (Python {result.python})", why=result.error
                    )
                    box = "\n".join(
                        "    " + line for line in _fence("text", "\n".join(tail)).splitlines()
                    )
                    raise ExecutionError(f'!!! failure "{_title(why)}"\n\n{box}')
        key = _fence_key(src, example, results)
        if MARKDOWN_KEY and (kept := _recall(key)) is not None:
            state["kept"] = kept
            return ""
        state["key"] = key
        return _render(example, results, base)

    rendered = base_format(language="example", run=run, code=name, md=md, id=name, update_toc=False)
    if "kept" in state:
        return state["kept"][0]
    if "key" in state and MARKDOWN_KEY:
        _keep(state["key"], str(rendered), name in SKIPPED)
    return rendered
