"""The engine's layout: the module list in engine/__init__.py is complete, and imports point one
way (each module imports only modules listed above it); the engine never imports the maintainer
scripts in tools/ or the tests."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import engine

ENGINE = Path(engine.__file__).parent


def listed() -> list[list[str]]:
    """The docstring's list, top first: each row's module names."""
    rows = re.findall(r"^    ([a-z_]+(?:, [a-z_]+)*) {2,}\S", engine.__doc__, re.M)
    return [row.split(", ") for row in rows]


def imported(path: Path) -> set[str]:
    """The top-level packages and the engine modules a file imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            if node.module == "engine":
                found.update(f"engine.{alias.name}" for alias in node.names)
    return found


def test_every_module_is_listed_once():
    names = [name for row in listed() for name in row]
    files = sorted(p.stem for p in ENGINE.glob("*.py") if not p.stem.startswith("__"))
    assert sorted(names) == files


def test_imports_point_one_way():
    rank = {name: i for i, row in enumerate(listed()) for name in row}
    wrong = []
    for name, level in rank.items():
        for module in imported(ENGINE / f"{name}.py"):
            parts = module.split(".")
            if parts[0] in ("tools", "tests"):
                wrong.append(f"{name} imports {module}")
            elif parts[0] == "engine" and len(parts) > 1 and parts[1] in rank:
                if rank[parts[1]] >= level:
                    wrong.append(f"{name} imports {parts[1]}, which is not above it")
    assert not wrong, wrong


def test_a_complete_build_removes_only_the_blocks_it_did_not_use(tmp_path, monkeypatch):
    from engine import rendered

    monkeypatch.setenv("GUIDE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(rendered, "MARKDOWN_KEY", "configuration")
    monkeypatch.setattr(rendered, "_USED", set())
    rendered.keep("made", "<p>made</p>")
    folder = tmp_path / "fences"
    (folder / "read.json").write_text('{"html": "<p>read</p>"}')
    (folder / "stale.json").write_text('{"html": "<p>stale</p>"}')
    assert rendered.recall("read") == "<p>read</p>"
    assert rendered.prune() == 1
    assert sorted(p.stem for p in folder.glob("*.json")) == ["made", "read"]
