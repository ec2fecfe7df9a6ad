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

from engine import SNIPPETS, cache, charts, rendered, runnable
from engine.examples import MIN_PYTHON, Example, ExampleError, load
from engine.labels import LABELS
from engine.results import Result, transcript
from engine.versions import compare

LANGUAGE = "zh"  # set by the hooks from the theme's language
RUNS: dict[str, list[Result]] = {}  # every version's result, newest first (the hooks)
RESULTS: dict[str, Result] = {}  # the newest result of each example in RUNS
SKIP = bool(os.environ.get("GUIDE_SKIP_EXAMPLES"))  # render only: examples are not run
SKIPPED: set[str] = set()


def validator(language, inputs, options, attrs, md):
    return True


def _fence(info: str, body: str) -> str:
    ticks = "`" * max(3, 1 + max((len(m) for m in re.findall(r"`+", body)), default=0))
    return f"{ticks}{info}\n{body}\n{ticks}"


def _title(text: str) -> str:
    return text.replace('"', "'")


def remember(runs: dict[str, list[Result]]) -> None:
    """Keep the hooks' results: every version's, and the newest of each example."""
    RUNS.update(runs)
    RESULTS.update({name: results[0] for name, results in runs.items() if results})


def _indent(block: str) -> str:
    return "\n".join("    " + line if line else "" for line in block.split("\n"))


def _render(example: Example, results: list[Result] | None, base: str) -> str:
    text = LABELS[LANGUAGE]
    parts = []
    for script in example.scripts:
        code = (SNIPPETS / script).read_text(encoding="utf-8").rstrip("\n")
        parts.append(_fence(f'python title="{Path(script).name}"', code))
        link = f'<a href="{base}{script}">{text["source"]}{text["colon"]}<code>{script}</code></a>'
        parts.append(f'<p class="example-meta">{link}</p>')
    parts.append(runnable.element(example, LANGUAGE))  # the Run button's place (run.js)
    if example.min_python > MIN_PYTHON:
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
    marks, note = compare(results, LANGUAGE)
    if note and not any(marks):  # the same everywhere: one transcript
        results = results[:1]
    if len(results) == 1 and example.min_python > MIN_PYTHON and not note:
        need = ".".join(map(str, example.min_python))
        note = text["only"].format(v=result.python, need=need)
    blocks = []
    for shown, lines in zip(results, marks, strict=False):
        title = f"{text['output']} · {text['ran'].format(v=shown.python)}"
        info = f'console title="{_title(title)}"'
        if lines:
            info += ' hl_lines="' + " ".join(map(str, sorted(lines))) + '"'
        blocks.append(_fence(info, transcript(shown, timing=example.timing)))
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
            if svg := charts.timeline(proc, text["timeline"]):
                parts.append(
                    f'<div class="example-timeline">{svg}<p class="example-timeline-caption">'
                    f"{text['timeline']}</p></div>"
                )
        if len(result.procs) == 1 and (lanes := charts.lanes(result, result.procs[0], LANGUAGE)):
            parts.append(lanes)
    return '<div class="example" markdown>\n\n' + "\n\n".join(parts) + "\n\n</div>"


def formatter(src, language, css_class, options, md, **kwargs):
    name, _, base = src.strip().partition("\n")
    name, base = name.strip(), base.strip()
    state = {}  # what run() found: the key to keep the HTML under, if it rendered without error

    def run(code, **_):
        try:
            example = load(name)
        except ExampleError as error:
            raise ExecutionError(f'!!! failure "{_title(str(error))}"') from None
        if SKIP:
            SKIPPED.add(name)
            results = None
        else:
            results = RUNS.get(name) or cache.cached_runs(example)
            if results[0].skipped:
                SKIPPED.add(name)
            for result in results:
                if result.error:
                    tail = transcript(result, timing=example.timing).splitlines()[-25:]
                    why = LABELS[LANGUAGE]["failed"].format(
                        name=f"{name} (Python {result.python})", why=result.error
                    )
                    box = "\n".join(
                        "    " + line for line in _fence("text", "\n".join(tail)).splitlines()
                    )
                    raise ExecutionError(f'!!! failure "{_title(why)}"\n\n{box}')
        key = rendered.key(src, LANGUAGE, example, results)
        if (kept := rendered.recall(key)) is not None:
            state["kept"] = kept
            return ""
        state["key"] = key
        return _render(example, results, base)

    html_text = base_format(
        language="example", run=run, code=name, md=md, id=name, update_toc=False
    )
    if "kept" in state:
        return state["kept"]
    if "key" in state:
        rendered.keep(state["key"], str(html_text))
    return html_text
