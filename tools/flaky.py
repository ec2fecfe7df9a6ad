"""Run every example and its check many times on each local CPython, and count failures.

    python tools/flaky.py [--rounds 20] [--jobs N] [--load] [name ...]

Each round runs all examples on all interpreters at once (as `make test` does: -X dev, warnings
as errors), then applies each example's check. Prints the failures by example and interpreter,
with the first message of each, and a total line: "N passed, N failed".

With ``--load``, one CPU-bound process per core spins for the whole run, at the examples' own
priority, so every example and its check also run on a machine with no idle core.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine import examples, interpreters, processes, results  # noqa: E402
from tests.checks import Run, load_all  # noqa: E402

SKIPPED = "skipped"


def attempt(example: examples.Example, python: str, check) -> str | None:
    """None when the run passes its check, SKIPPED when it cannot run here, else why not."""
    result = processes.run(example, dev=True, python=python)
    if result.skipped:
        return SKIPPED
    if result.error:
        return result.error
    try:
        check(Run.of(result))
    except Exception as error:  # a check that crashes has failed too
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        return f"check failed: {message}\n{results.transcript(result, timing=True)}"
    return None


@contextlib.contextmanager
def cpu_load(cores: int):
    """Keep ``cores`` cores busy with CPU-bound processes until the block ends."""
    hogs = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"], stdin=subprocess.DEVNULL)
        for _ in range(cores)
    ]
    try:
        yield
    finally:
        for hog in hogs:
            hog.kill()
        for hog in hogs:
            hog.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=max(4, 4 * (os.cpu_count() or 1)))
    parser.add_argument(
        "--load", action="store_true", help="keep every core busy with CPU-bound processes"
    )
    parser.add_argument("names", nargs="*")
    args = parser.parse_args(argv)
    checks = load_all()
    chosen = [e for e in examples.discover() if not args.names or e.name in args.names]
    pythons = interpreters.find_pythons()
    failures: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], str] = {}
    runs = skipped = 0
    load = cpu_load(os.cpu_count() or 1) if args.load else contextlib.nullcontext()
    with load, concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for round_number in range(1, args.rounds + 1):
            futures = {
                pool.submit(attempt, e, python, checks[e.name]): (e.name, f"{v[0]}.{v[1]}")
                for e in chosen
                for v, python in pythons.items()
            }
            for future in concurrent.futures.as_completed(futures):
                key = futures[future]
                runs += 1
                why = future.result()
                if why == SKIPPED:
                    skipped += 1
                elif why:
                    failures[key] += 1
                    first.setdefault(key, why)
            print(
                f"round {round_number}/{args.rounds}: {sum(failures.values())} failures so far",
                file=sys.stderr,
            )
    for (name, version), count in sorted(failures.items()):
        print(f"{name} on {version}: {count}/{args.rounds} failed; first: {first[(name, version)]}")
    versions = ", ".join(
        ".".join(map(str, interpreters.python_version(p))) for p in pythons.values()
    )
    mode = f"loaded ({os.cpu_count()} CPU-bound processes)" if args.load else "quiet"
    print(
        f"{len(chosen)} examples x {len(pythons)} interpreters ({versions}) "
        f"x {args.rounds} rounds, {mode}"
    )
    failed = sum(failures.values())
    print(f"{runs - failed - skipped} passed, {failed} failed, {skipped} skipped (newer Python)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
