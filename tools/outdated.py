"""List translations that may be out of date: pages changed after their twin, from git history.

    python tools/outdated.py        (make outdated)

For each page that exists in both languages, compares the time of the last commit touching each
side (uncommitted changes count as now). A page whose twin was last changed earlier is listed,
with the commits since then, so a translator sees what to carry over.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


def changed_at(path: str) -> tuple[float, str]:
    """(time, commit) of the last change to ``path``; uncommitted changes are 'now'."""
    if git("status", "--porcelain", "--", path):
        return time.time(), "uncommitted"
    out = git("log", "-1", "--format=%ct %h", "--", path)
    if not out:
        return 0.0, "never committed"
    stamp, commit = out.split()
    return float(stamp), commit


def report() -> list[str]:
    lines = []
    zh_pages = {p.name for p in (ROOT / "docs" / "zh").glob("*.md")}
    en_pages = {p.name for p in (ROOT / "docs" / "en").glob("*.md")}
    for name in sorted(zh_pages & en_pages):
        zh, en = f"docs/zh/{name}", f"docs/en/{name}"
        (zh_time, zh_commit), (en_time, en_commit) = changed_at(zh), changed_at(en)
        if abs(zh_time - en_time) < 1:
            continue
        newer, older, older_commit = (
            (zh, en, en_commit) if zh_time > en_time else (en, zh, zh_commit)
        )
        since = ""
        if older_commit not in {"uncommitted", "never committed"}:
            since = git(
                "log",
                "--format=    %h %ad %s",
                "--date=short",
                f"{older_commit}..HEAD",
                "--",
                newer,
            )
        when = time.strftime("%Y-%m-%d", time.gmtime(max(zh_time, en_time)))
        lines.append(f"{older} may be outdated: {newer} changed later ({when})")
        if since:
            lines.append(since)
    for name in sorted(zh_pages ^ en_pages):
        lang = "en" if name in zh_pages else "zh"
        lines.append(f"docs/{lang}/{name} does not exist yet (untranslated)")
    return lines


def main() -> int:
    lines = report()
    print("\n".join(lines) if lines else "Every translation is at least as new as its source.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
