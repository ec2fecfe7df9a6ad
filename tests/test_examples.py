"""Every example, on every local CPython 3.11+, with -X dev and warnings as errors.

The examples run outside MkDocs through the same runner the build uses, all at once, without
the cache. Each result must pass its example's check (tests/examples/<chapter>.py).
"""

from __future__ import annotations

import concurrent.futures
import os

import pytest

from engine import examples, interpreters, processes
from engine.results import transcript
from tests.checks import Run, load_all

PYTHONS = interpreters.find_pythons()
PROBLEMS: list[str] = []
EXAMPLES = {example.name: example for example in examples.discover(PROBLEMS)}
CHECKS = load_all()


def test_examples_are_found():
    assert not PROBLEMS, "\n".join(PROBLEMS)
    assert EXAMPLES, "no example found under snippets/"
    assert len(PYTHONS) >= 1, "no CPython 3.11+ found"


def test_every_example_has_a_check():
    missing = sorted(set(EXAMPLES) - set(CHECKS))
    assert not missing, f"examples with no check in tests/examples/: {missing}"


def test_every_check_has_an_example():
    stray = sorted(set(CHECKS) - set(EXAMPLES))
    assert not stray, f"checks naming no example: {stray}"


@pytest.fixture(scope="session")
def results(request):
    """Run every selected (interpreter, example) pair at once."""
    wanted = {
        (item.callspec.params["version"], item.callspec.params["name"])
        for item in request.session.items
        if getattr(item, "originalname", "") == "test_example"
    }
    jobs = max(4, 4 * (os.cpu_count() or 1))
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        futures = {
            (version, name): pool.submit(
                processes.run, EXAMPLES[name], dev=True, python=PYTHONS[version]
            )
            for version, name in sorted(wanted, key=lambda pair: -EXAMPLES[pair[1]].timeout)
        }
        return {key: future.result() for key, future in futures.items()}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
@pytest.mark.parametrize("version", sorted(PYTHONS), ids=lambda v: f"py{v[0]}.{v[1]}")
def test_example(results, version, name):
    result = results[(version, name)]
    if result.skipped:
        pytest.skip(f"{name}: {result.skipped}")
    assert not result.error, (
        f"{name} on Python {result.python}: {result.error}\n" + transcript(result)[-3000:]
    )
    try:
        CHECKS[name](Run.of(result))
    except Exception as error:  # a check that crashes shows the transcript too
        shown = transcript(result, timing=True)
        raise AssertionError(f"{error}\n--- what {name} printed ---\n{shown}") from None
