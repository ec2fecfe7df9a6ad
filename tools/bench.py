"""Measure how fast the site builds, against its lower bound and the naive way.

    python tools/bench.py [--repeat N] [--json PATH]        (make bench)

Works in a scratch copy of the repository, so edits made for the measurements never touch the
work tree. Each build is `tools/build.py` (both languages) in a fresh process. Figures:

- pure render: both languages with examples not run (GUIDE_SKIP_EXAMPLES=1);
- examples alone: every (example, interpreter) pair the build runs, once each, one after
  another (wall and CPU time);
- lower bound: the longest run + pure render, or total CPU of all runs / cores + pure render,
  whichever is larger;
- naive: the sum of all run times, twice (once per language), + pure render;
- cold: empty cache; warm: nothing changed; prose edit: one page's text changed;
  one example changed: one example's source changed (it alone runs again);
- peak memory of the build process.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPY = [
    "tools",
    "overrides",
    "docs",
    "snippets",
    "certs",
    "mkdocs.yml",
    "mkdocs.en.yml",
    "mkdocs.base.yml",
]


def scratch_copy(where: Path) -> Path:
    project = where / "project"
    project.mkdir()
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, project / name, ignore=shutil.ignore_patterns("__pycache__", ".cache")
            )
        elif source.exists():
            shutil.copy2(source, project / name)
    return project


def build(project: Path, cache: Path, *args: str, **env: str) -> tuple[float, float]:
    """(wall seconds, peak MiB) of one build of both languages (or as ``args`` say)."""
    environment = dict(os.environ, GUIDE_CACHE_DIR=str(cache), **env)
    for key in ("GUIDE_FRESH", "GUIDE_SKIP_EXAMPLES"):
        if key not in env:
            environment.pop(key, None)
    log = project / "build.log"
    start = time.monotonic()
    with log.open("w") as err:
        process = subprocess.Popen(
            [sys.executable, "tools/build.py", "--site-dir", str(project / "site"), *args],
            cwd=project,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"build failed:\n{log.read_text()[-3000:]}")
    return wall, usage.ru_maxrss / 1024  # the build process's own peak, in MiB


def examples_alone(project: Path) -> list[dict]:
    """Run every (example, interpreter) pair the build runs, once, one after another."""
    code = (
        "import json, resource, sys, time\n"
        "sys.path.insert(0, '.')\n"
        "from tools import runner\n"
        "out = []\n"
        "for example in runner.discover():\n"
        "    for python in runner.pythons_for(example) or [None]:\n"
        "        before = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "        result = runner.run(example, python=python)\n"
        "        after = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)\n"
        "        out.append({'name': example.name, 'python': result.python,\n"
        "                    'wall': result.seconds, 'cpu': cpu,\n"
        "                    'skipped': bool(result.skipped)})\n"
        "print(json.dumps(out))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=project, capture_output=True, text=True, check=True
    ).stdout
    return [e for e in json.loads(output) if not e["skipped"]]


def summary(values: list[float]) -> dict:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "runs": values,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", default=str(ROOT / ".cache" / "bench.json"))
    args = parser.parse_args(argv)
    cores = os.cpu_count() or 1

    with tempfile.TemporaryDirectory(prefix="guide-bench-") as tmp:
        project = scratch_copy(Path(tmp))
        results: dict[str, list[float]] = {
            k: []
            for k in (
                "pure render",
                "cold build",
                "warm build",
                "prose edit",
                "one example changed",
                "pure render, one language",
                "one example changed, one language",
            )
        }
        peaks: list[float] = []
        print("examples alone, one after another ...", file=sys.stderr)
        alone = examples_alone(project)
        for i in range(args.repeat):
            print(f"round {i + 1}/{args.repeat} ...", file=sys.stderr)
            results["pure render"].append(
                build(project, Path(tmp) / f"none{i}", GUIDE_SKIP_EXAMPLES="1")[0]
            )
            cache = Path(tmp) / f"cache{i}"
            wall, peak = build(project, cache)
            results["cold build"].append(wall)
            peaks.append(peak)
            results["warm build"].append(build(project, cache)[0])
            page = project / "docs" / "en" / "coroutines.md"
            page.write_text(page.read_text() + f"\nEdited for round {i}.\n")
            results["prose edit"].append(build(project, cache)[0])
            example = project / "snippets" / "coroutines" / "chain_coroutines.py"
            example.write_text(example.read_text() + f"# edited for round {i}\n")
            results["one example changed"].append(build(project, cache)[0])
            # What `make serve` does after a save: one language, one example run again.
            results["pure render, one language"].append(
                build(project, Path(tmp) / f"none{i}", "--lang", "zh", GUIDE_SKIP_EXAMPLES="1")[0]
            )
            example.write_text(example.read_text() + f"# edited again for round {i}\n")
            results["one example changed, one language"].append(
                build(project, cache, "--lang", "zh")[0]
            )

    render = statistics.median(results["pure render"])
    longest = max(alone, key=lambda e: e["wall"])
    total_wall = sum(e["wall"] for e in alone)
    total_cpu = sum(e["cpu"] for e in alone)
    # The edited example runs again on every interpreter, all at once: its longest run counts.
    changed = max(
        (e for e in alone if e["name"] == "coroutines/chain_coroutines.py"),
        key=lambda e: e["wall"],
    )
    lower = max(longest["wall"], total_cpu / cores) + render
    naive = 2 * total_wall + render
    figures = {name: summary(values) for name, values in results.items()}
    cold = figures["cold build"]["median"]
    warm = figures["warm build"]["median"]
    one = figures["one example changed"]["median"]
    report = {
        "cores": cores,
        "python": sys.version.split()[0],
        "examples": len({e["name"] for e in alone}),
        "runs": len(alone),
        "interpreters": sorted({e["python"] for e in alone}),
        "longest example": longest,
        "sum of example wall times": total_wall,
        "sum of example CPU times": total_cpu,
        "lower bound": lower,
        "naive baseline": naive,
        "builds": figures,
        "peak memory MiB": max(peaks),
        "ratios": {
            "cold / lower bound": cold / lower,
            "warm / pure render": warm / render,
            "naive / cold": naive / cold,
            "one example changed / (its run + pure render)": one / (changed["wall"] + render),
            "(one example changed, one language - its run) / one language's render": (
                figures["one example changed, one language"]["median"] - changed["wall"]
            )
            / figures["pure render, one language"]["median"],
        },
    }
    print(
        f"\n{report['examples']} examples, {len(alone)} runs on "
        f"{', '.join(report['interpreters'])}, {cores} cores, build on Python {report['python']}\n"
    )
    print("| measurement | median s | min–max s |\n|---|---:|---:|")
    for name, figure in figures.items():
        print(f"| {name} | {figure['median']:.2f} | {figure['min']:.2f}–{figure['max']:.2f} |")
    print(f"| longest run ({longest['name']}, {longest['python']}) | {longest['wall']:.2f} | |")
    print(f"| all runs, one after another | {total_wall:.2f} | |")
    print(f"| all runs' CPU time / {cores} cores | {total_cpu / cores:.2f} | |")
    print(f"| lower bound | {lower:.2f} | |")
    print(f"| naive baseline | {naive:.2f} | |")
    print(f"\npeak memory of a build: {max(peaks):.0f} MiB\n")
    for name, ratio in report["ratios"].items():
        print(f"{name}: {ratio:.2f}")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(report, indent=2))
    print(f"\nJSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
