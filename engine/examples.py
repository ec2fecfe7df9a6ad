"""What an example is: a script under ``snippets/``, or a group of processes, and its options.

``snippets/<chapter>/examples.toml`` declares a chapter's options (``timeout``, ``returncode``,
``min_python``, ``reads``, ``timing``, ``module``, ``browser``) and its groups (``processes``: a
server first, then its clients). ``load()`` reads one example's declaration, ``discover()``
every example.
"""

from __future__ import annotations

import dataclasses
import threading
import tomllib
from pathlib import Path

from engine import ROOT, SNIPPETS, certs

DEFAULT_TIMEOUT = 20.0
MIN_PYTHON = (3, 11)


class ExampleError(Exception):
    """An example could not be found, declared or run as its options say."""


@dataclasses.dataclass(frozen=True)
class Example:
    name: str  # "chapter/file.py" or "chapter/group"
    scripts: tuple[str, ...]  # paths relative to snippets/, server first in a group
    timeout: float = DEFAULT_TIMEOUT
    returncode: int = 0
    min_python: tuple[int, int] = MIN_PYTHON
    reads: tuple[str, ...] = ()  # paths relative to snippets/<chapter>/
    timing: bool = False
    module: str = ""  # "unittest -v": run as python -m unittest -v <file>
    browser: bool | str | None = None  # runs in the page (engine/runnable.py): true, or why not

    @property
    def chapter(self) -> str:
        return self.name.split("/", 1)[0]

    @property
    def is_group(self) -> bool:
        return not self.name.endswith(".py")

    def files(self) -> list[Path]:
        """Every file whose content decides this example's output."""
        here = SNIPPETS / self.chapter
        return [SNIPPETS / s for s in self.scripts] + [(here / r).resolve() for r in self.reads]


_OPTION_TYPES = {
    "timeout": (int, float),
    "returncode": int,
    "min_python": str,
    "reads": list,
    "timing": bool,
    "processes": list,
    "module": str,
    "browser": (bool, str),
}
_BOOL_OPTIONS = {"timing", "browser"}


def _manifest(chapter: str) -> dict:
    path = SNIPPETS / chapter / "examples.toml"
    if not path.exists():
        return {}
    with path.open("rb") as f:
        data = tomllib.load(f)
    for key, options in data.items():
        if not isinstance(options, dict):
            raise ExampleError(f"{path.relative_to(ROOT)}: [{key}] must be a table")
        for option, value in options.items():
            if option not in _OPTION_TYPES:
                raise ExampleError(
                    f"{path.relative_to(ROOT)}: [{key}] has an unknown option {option!r}"
                )
            if not isinstance(value, _OPTION_TYPES[option]) or (
                isinstance(value, bool) and option not in _BOOL_OPTIONS
            ):
                raise ExampleError(
                    f"{path.relative_to(ROOT)}: [{key}] option {option!r} has a wrong type"
                )
    return data


def load(name: str) -> Example:
    """The example called ``name`` ("chapter/file.py" or "chapter/group")."""
    if name.count("/") != 1:
        raise ExampleError(f"example {name!r}: expected 'chapter/file.py' or 'chapter/group'")
    chapter, key = name.split("/")
    options = dict(_manifest(chapter).get(key, {}))
    if key.endswith(".py"):
        if "processes" in options:
            raise ExampleError(f"example {name!r}: only a group may list processes")
        if not options.get("module", "x").split():
            raise ExampleError(f"example {name!r}: module names no module")
        scripts = (name,)
    else:
        if "processes" not in options:
            raise ExampleError(
                f"example {name!r}: no such group in snippets/{chapter}/examples.toml"
            )
        if "module" in options:
            raise ExampleError(f"example {name!r}: a group cannot run as a module")
        scripts = tuple(f"{chapter}/{p}" for p in options.pop("processes"))
        if len(scripts) < 2:
            raise ExampleError(f"example {name!r}: a group needs a server and a client")
    for script in scripts:
        if not (SNIPPETS / script).is_file():
            raise ExampleError(f"example {name!r}: snippets/{script} does not exist")
    if "min_python" in options:
        options["min_python"] = tuple(int(p) for p in options["min_python"].split("."))
    options["reads"] = tuple(options.get("reads", ()))
    if any("certs" in Path(r).parts for r in options["reads"]):
        _certificates_ready()  # made on first need, remade when close to expiry
    example = Example(name=name, scripts=scripts, **options)
    for path in example.files():
        if not path.is_file():
            raise ExampleError(f"example {name!r}: declared file {path} does not exist")
    return example


_certificates_lock = threading.Lock()
_certificates_checked = False


def _certificates_ready() -> None:
    """Make the TLS certificates under certs/ if missing or expiring (once per process)."""
    global _certificates_checked
    with _certificates_lock:
        if not _certificates_checked:
            certs.ensure_certificates(ROOT)
            _certificates_checked = True


def discover(problems: list[str] | None = None) -> list[Example]:
    """Every example: each script not starting with "_" that no group claims, and each group.

    A declaration that cannot be read raises ``ExampleError``, or, when a ``problems`` list is
    given, is appended to it and left out, so that the other examples can still run.
    """
    examples: list[Example] = []

    def add(name: str) -> None:
        try:
            examples.append(load(name))
        except ExampleError as error:
            if problems is None:
                raise
            problems.append(str(error))

    for chapter_dir in sorted(p for p in SNIPPETS.iterdir() if p.is_dir()):
        chapter = chapter_dir.name
        try:
            manifest = _manifest(chapter)
        except (ExampleError, tomllib.TOMLDecodeError) as error:
            if problems is None:
                raise
            problems.append(f"snippets/{chapter}/examples.toml: {error}")
            manifest = {}
        claimed: set[str] = set()
        for key, options in manifest.items():
            if "processes" in options:
                add(f"{chapter}/{key}")
                claimed.update(options["processes"])
            elif not (chapter_dir / key).is_file():
                problem = f"snippets/{chapter}/examples.toml: [{key}] names no example file"
                if problems is None:
                    raise ExampleError(problem)
                problems.append(problem)
        for script in sorted(chapter_dir.glob("*.py")):
            if not script.name.startswith("_") and script.name not in claimed:
                add(f"{chapter}/{script.name}")
    return sorted(examples, key=lambda e: e.name)
