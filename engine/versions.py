"""How the transcripts of one example differ between Python versions, and the note that says so."""

from __future__ import annotations

import difflib
import re

from engine.labels import LABELS
from engine.results import Result, transcript

# What may differ between two runs without the output being different: timings, ports, process
# and object ids, addresses.
_VOLATILE = [
    (re.compile(r"0x[0-9a-fA-F]+"), "0x…"),
    (re.compile(r"\b\d+(?:\.\d+)?\s?(?:s|ms|µs|seconds?)\b"), "N s"),
    (re.compile(r"127\.0\.0\.1(:|', |\", |, )\d+"), r"127.0.0.1\1PORT"),
    (re.compile(r"\b(pid|port|id|PID|fd)([ =:]+)\d+"), r"\1\2N"),
    (re.compile(r"^(\$ python3 .*\.py)(?: \d+)+$"), r"\1 PORT"),
]


def comparable(result: Result) -> list[str]:
    """The transcript's lines with what changes from run to run replaced by placeholders."""
    lines = transcript(result).split("\n")
    for pattern, replacement in _VOLATILE:
        lines = [pattern.sub(replacement, line) for line in lines]
    return lines


def _joined(items: list[str], text: dict) -> str:
    between, last = text["list"]
    return items[0] if len(items) == 1 else between.join(items[:-1]) + last + items[-1]


def compare(results: list[Result], language: str) -> tuple[list[set[int]], str]:
    """For results newest first: each one's lines (1-based) that differ, and the page's note."""
    text = LABELS[language]
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
