"""Check that the Chinese and English pages match where they must, and the Chinese style rules.

    python tools/check_translation.py        (make check-translation)

Compared page by page (docs/zh/X.md with docs/en/X.md): that both exist, the heading ids and
their order, the example includes and their order, the admonition kinds and their order, and the
code blocks. In Chinese pages: glossary terms written another way, words the guide does not use
for itself, half-width punctuation next to Chinese text, missing spaces between Chinese and Latin
letters or numbers, and Chinese inside code spans (a code span holds only code).
Exit status 1 when anything is found; each message says which file, where, and what to do.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGS = ("zh", "en")

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
HEADING_ID = re.compile(r"\{\s*#([\w-]+)\s*\}\s*$")
INCLUDE = re.compile(r'^\s*\{\{\s*example\("([^"]+)"\)\s*\}\}\s*$')
ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)\s+(\w+)")
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
CJK = r"\u4e00-\u9fff"
MISSING_SPACE = re.compile(rf"[{CJK}][A-Za-z0-9]|[A-Za-z0-9][{CJK}]")
CODE_SPAN = re.compile(r"`[^`]*`")
CJK_IN_CODE = re.compile(rf"`(?!#)[^`]*[{CJK}][^`]*`")  # `## 标题 {{ #id }}` shows Markdown
WORDING = {"本书": "本指南 (this is a guide, not a book)"}
HALF_WIDTH = re.compile(rf"[{CJK}][,;:!?()]|[,;:!?(][{CJK}]|[{CJK}]\.(?!\w)")


class Page:
    """What of a page must match its translation, with line numbers for messages."""

    def __init__(self, path: Path):
        self.path = path
        self.ids: list[tuple[int, str | None, str]] = []  # (line, id, heading text)
        self.includes: list[tuple[int, str]] = []
        self.admonitions: list[tuple[int, str]] = []
        self.code: list[tuple[int, str]] = []
        self.prose: list[tuple[int, str]] = []  # lines outside code, code spans blanked
        self.spans: list[tuple[int, str]] = []  # code spans outside code blocks
        fence = None
        block: list[str] = []
        start = 0
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = FENCE.match(line)
            if fence:
                if match and match.group(2).startswith(fence) and not match.group(3).strip():
                    self.code.append((start, "\n".join(block)))
                    fence = None
                else:
                    block.append(line)
                continue
            if match:
                fence, block, start = match.group(2), [], number
                continue
            if heading := HEADING.match(line):
                found = HEADING_ID.search(heading.group(2))
                self.ids.append((number, found.group(1) if found else None, heading.group(2)))
            if include := INCLUDE.match(line):
                self.includes.append((number, include.group(1)))
            if admonition := ADMONITION.match(line):
                self.admonitions.append((number, admonition.group(2)))
            self.spans += [(number, span) for span in CODE_SPAN.findall(line)]
            prose = CODE_SPAN.sub("`x`", line)
            prose = re.sub(r"\]\([^)]*\)", "]", prose)  # link targets
            prose = re.sub(r"\{[^}]*\}", "", prose)  # attribute lists, includes
            prose = re.sub(r"<[^>]+>|https?://\S+", "", prose)
            self.prose.append((number, prose))


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def compare(zh: Page, en: Page) -> list[str]:
    problems = []
    z, e = _rel(zh.path), _rel(en.path)
    for page in (zh, en):
        for line, heading_id, text in page.ids:
            if heading_id is None:
                problems.append(
                    f"{_rel(page.path)}:{line}: heading '{text}' has no id; "
                    "end it with { #some-id }, the same in both languages"
                )
    for kind, left, right in (
        ("heading ids", [i for _, i, _ in zh.ids], [i for _, i, _ in en.ids]),
        ("example includes", [n for _, n in zh.includes], [n for _, n in en.includes]),
        ("admonitions", [k for _, k in zh.admonitions], [k for _, k in en.admonitions]),
    ):
        if left != right:
            index = next(
                (i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b),
                min(len(left), len(right)),
            )
            a = left[index] if index < len(left) else "(nothing)"
            b = right[index] if index < len(right) else "(nothing)"
            problems.append(
                f"{z} and {e}: {kind} differ at number {index + 1}: "
                f"zh has {a!r}, en has {b!r}; "
                f"both pages must list the same {kind} in the same order"
            )
    zh_code = [c for _, c in zh.code]
    en_code = [c for _, c in en.code]
    if zh_code != en_code:
        problems.append(
            f"{z} and {e}: code blocks differ ({len(zh_code)} in zh, {len(en_code)} in en); "
            "code is not translated: copy the block unchanged"
        )
    return problems


def glossary_problems(page: Page) -> list[str]:
    terms = yaml.safe_load((DOCS / "glossary.yml").read_text(encoding="utf-8"))
    problems = []
    for term in terms:
        for wrong in term.get("avoid", []):
            for line, text in page.prose:
                if wrong in text:
                    problems.append(
                        f"{_rel(page.path)}:{line}: '{wrong}' — the glossary writes "
                        f"'{term['zh']}' for '{term['en']}'"
                    )
    return problems


def style_problems(page: Page) -> list[str]:
    problems = [
        f"{_rel(page.path)}:{line}: a code span holds only code; move the Chinese out of {span}"
        for line, span in page.spans
        if CJK_IN_CODE.fullmatch(span)
    ]
    for line, text in page.prose:
        for word, instead in WORDING.items():
            if word in text:
                problems.append(f"{_rel(page.path)}:{line}: '{word}' — write {instead}")
        if text.lstrip().startswith("|") and set(text.strip()) <= set("|-: "):
            continue  # a table's separator row
        for match in MISSING_SPACE.finditer(text):
            problems.append(
                f"{_rel(page.path)}:{line}: add a space between Chinese and Latin text: "
                f"'{match.group()}'"
            )
        for match in HALF_WIDTH.finditer(text):
            problems.append(
                f"{_rel(page.path)}:{line}: use full-width punctuation next to Chinese text: "
                f"'{match.group()}' (，；：！？（）。)"
            )
    return problems


def check() -> list[str]:
    problems = []
    names = {lang: {p.name for p in (DOCS / lang).glob("*.md")} for lang in LANGS}
    for lang, other in (("zh", "en"), ("en", "zh")):
        for name in sorted(names[other] - names[lang]):
            problems.append(
                f"docs/{lang}/{name} is missing: translate docs/{other}/{name} "
                f"(until then the site shows the {other} page under a 'not translated' banner)"
            )
    for name in sorted(names["zh"] & names["en"]):
        zh, en = Page(DOCS / "zh" / name), Page(DOCS / "en" / name)
        problems += compare(zh, en)
        problems += glossary_problems(zh)
        problems += style_problems(zh)
    return problems


def main() -> int:
    problems = check()
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} problem(s) found.")
        return 1
    print("Translations match: same pages, heading ids, includes, admonitions and code blocks.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
