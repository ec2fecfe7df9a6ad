"""Shared fixtures: the repository on sys.path, and one cold build of the whole site."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.scratch import site_build

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def can_go_offline() -> bool:
    """Whether this machine can run a command in a network namespace of its own."""
    if not (shutil.which("unshare") and shutil.which("ip")):
        return False
    probe = subprocess.run(offline(["true"], force=True), capture_output=True, check=False)
    return probe.returncode == 0


def offline(command: list[str], force: bool = False) -> list[str]:
    """The command run with no network but loopback, where the machine allows it."""
    if not force and not OFFLINE:
        return command
    return ["unshare", "--net", "sh", "-c", 'ip link set lo up && exec "$@"', "sh", *command]


OFFLINE = can_go_offline()


@pytest.fixture
def snippets(tmp_path, monkeypatch):
    """An empty snippets/demo folder for the runner, with its own cache, outside the repository."""
    import engine
    from engine import examples, fence, processes, rendered, runnable

    folder = tmp_path / "snippets"
    (folder / "demo").mkdir(parents=True)
    for module in (engine, examples, processes, runnable, rendered, fence):  # each binds the name
        monkeypatch.setattr(module, "SNIPPETS", folder)
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("GUIDE_RUN_LOG", str(tmp_path / "runs.log"))
    return folder / "demo"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """(site folder, examples started, build log) of a cold, strict build of both languages.

    Every example is started once, from an empty cache, with no network where the machine
    can take it away (a network namespace with loopback only). ``GUIDE_TEST_SITE=DIR`` uses an
    already built site instead (for working on the site tests; runs are then unknown).
    """
    if os.environ.get("GUIDE_TEST_SITE"):
        return Path(os.environ["GUIDE_TEST_SITE"]), None, ""
    work = tmp_path_factory.mktemp("site")
    # The Run buttons' runtime, fetched once with npm (the build itself runs offline).
    from engine import pyodide

    pyodide.fetch()
    env = dict(
        os.environ, GUIDE_CACHE_DIR=str(work / "cache"), GUIDE_RUN_LOG=str(work / "runs.log")
    )
    env.pop("GUIDE_FRESH", None)
    env.pop("GUIDE_SKIP_EXAMPLES", None)
    build = site_build(work / "site", env, wrap=offline)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-6000:]
    log = work / "runs.log"
    runs = log.read_text().split() if log.exists() else []
    return work / "site", runs, build.stderr
