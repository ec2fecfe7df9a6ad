"""The ``example`` fence: an example's source and the transcript of its run, via markdown-exec.

The fence body is two lines, written by the include hook: the example's name and the relative
way from the page to the site's copy of ``snippets/``. Rendering goes through
``markdown_exec.base_format``, so a failure is logged as a markdown-exec warning naming the
example, which fails a ``--strict`` build, and the page shows an error box instead.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from markdown_exec import ExecutionError, base_format

from tools import pyodide, runner

LANGUAGE = "zh"  # set by the hooks from the theme's language
RESULTS: dict[str, runner.Result] = {}  # filled by the hooks before pages render
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


def _render(example: runner.Example, result: runner.Result | None, base: str) -> str:
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
    if result is None:
        parts.append(f'!!! note ""\n    {text["not_run"]}')
        return "\n\n".join(parts)
    if result.skipped:
        parts.append(f'!!! warning ""\n    {text["not_here"].format(why=result.skipped)}')
        return "\n\n".join(parts)
    for proc in result.procs:
        if proc.cut:
            parts.append(f'<p class="example-cut">{text["cut"].format(n=proc.cut)}</p>')
    title = f"{text['output']} · {text['ran'].format(v=result.python)}"
    parts.append(
        _fence(f'console title="{_title(title)}"', runner.transcript(result, timing=example.timing))
    )
    if example.timing:
        for proc in result.procs:
            if svg := _timeline(proc, text["timeline"]):
                parts.append(
                    f'<div class="example-timeline">{svg}<p class="example-timeline-caption">'
                    f"{text['timeline']}</p></div>"
                )
    return '<div class="example" markdown>\n\n' + "\n\n".join(parts) + "\n\n</div>"


def formatter(src, language, css_class, options, md, **kwargs):
    name, _, base = src.strip().partition("\n")
    name, base = name.strip(), base.strip()

    def run(code, **_):
        try:
            example = runner.load(name)
        except runner.ExampleError as error:
            raise ExecutionError(f'!!! failure "{_title(str(error))}"') from None
        if SKIP:
            SKIPPED.add(name)
            return _render(example, None, base)
        result = RESULTS.get(name) or runner.cached_run(example)
        if result.skipped:
            SKIPPED.add(name)
        if result.error:
            tail = runner.transcript(result, timing=example.timing).splitlines()[-25:]
            why = LABELS[LANGUAGE]["failed"].format(name=name, why=result.error)
            box = "\n".join("    " + line for line in _fence("text", "\n".join(tail)).splitlines())
            raise ExecutionError(f'!!! failure "{_title(why)}"\n\n{box}')
        return _render(example, result, base)

    return base_format(language="example", run=run, code=name, md=md, id=name, update_toc=False)
