"""The charts under a timing example's transcript: the timeline of its printed lines and one
lane per asyncio task (when it ran, when it waited), as SVG with a text alternative."""

from __future__ import annotations

import html
import re

from engine.labels import LABELS
from engine.results import Proc, Result


def _axis(x, span: float, step: float, top: float, bottom: float, label_y: float) -> list[str]:
    """The time axis: a grid line and a label every ``step`` seconds (``x`` maps time to x)."""
    parts = []
    tick = 0.0
    while tick <= span * 1.05:
        parts.append(
            f'<line class="grid" x1="{x(tick):.1f}" y1="{top}" x2="{x(tick):.1f}" '
            f'y2="{bottom}"/><text class="tick" x="{x(tick):.1f}" y="{label_y}" '
            f'text-anchor="middle">{tick:g}s</text>'
        )
        tick = round(tick + step, 6)
    return parts


def timeline(proc: Proc, label: str) -> str:
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
    parts += _axis(x, span, step, top - 8, height - 4, top - 14)
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


def lanes(result: Result, proc: Proc, language: str) -> str:
    """Task lanes: for each task, when it ran (solid) and when it waited (dashed), as an SVG
    narrow enough for a phone, followed by the same as text."""
    if not result.tasks or not proc.times:
        return ""
    text = LABELS[language]
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
    parts += _axis(x, span, step, top - 8, height - 2, top - 12)
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
