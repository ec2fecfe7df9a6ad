"""Measure how fast the site builds, against its lower bound and the naive way.

    python tools/bench.py [--repeat N] [--json PATH]        (make bench)

Works in a scratch copy of the repository, so edits made for the measurements never touch the
work tree. Each build is `python -m engine.build` (both languages) in a fresh process. Figures:

- pure render: both languages with examples not run (GUIDE_SKIP_EXAMPLES=1), every example
  block rendered afresh; the same again with the blocks the first render kept (rendered.py);
- examples alone: every (example, interpreter) pair the build runs, once each, one after
  another (wall and CPU time);
- lower bound: the longest run + pure render, or total CPU of all runs / cores + pure render,
  whichever is larger;
- naive: the sum of all run times, twice (once per language), + pure render;
- cold: empty cache; warm: nothing changed; prose edit: one page's text changed;
  one example changed: one example's source changed (it alone runs again);
- peak memory of the build process;
- preview reload: with the preview server (`make serve`) running and an English page open in
  Chromium, one sentence appended to that page's Markdown, until the sentence shows in the
  browser (live reload), 5 times; the same with MkDocs' own server on the English site alone
  (`mkdocs serve -f mkdocs.en.yml`, what `make serve-en` was) for comparison.

``--preview-only`` measures the preview reload alone (with the examples' cache in
``GUIDE_CACHE_DIR`` or ``.cache/examples``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __name__ == "__main__":  # python tools/bench.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools import chromium

ROOT = Path(__file__).resolve().parent.parent
COPY = [
    "engine",
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
            [sys.executable, "-m", "engine.build", "--site-dir", str(project / "site"), *args],
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
        "from engine import examples, interpreters, processes\n"
        "out = []\n"
        "for example in examples.discover():\n"
        "    for python in interpreters.pythons_for(example) or [None]:\n"
        "        before = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "        result = processes.run(example, python=python)\n"
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


PREVIEW_PAGE = ("docs/en/coroutines.md", "en/coroutines/")  # the page edited, its address
CHROMIUM = chromium.find()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def preview_reload(project: Path, cache: Path, command: list[str], repeat: int) -> list[float]:
    """Seconds from saving a prose edit to seeing it in the open page, ``repeat`` times.

    ``command`` starts a server on 127.0.0.1 at ``{port}`` in ``project``; an English page is
    opened in Chromium, then each round appends a sentence to its Markdown and waits until the
    page shows it (the server rebuilds, the page's live-reload script reloads it).
    """
    from playwright.sync_api import sync_playwright

    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    environment = dict(os.environ, GUIDE_CACHE_DIR=str(cache))
    for key in ("GUIDE_FRESH", "GUIDE_SKIP_EXAMPLES"):
        environment.pop(key, None)
    source, address = PREVIEW_PAGE
    page_file = project / source
    original = page_file.read_text(encoding="utf-8")
    with (project / "serve.log").open("w") as log:
        server = subprocess.Popen(
            [part.format(port=port) for part in command],
            cwd=project,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    times = []
    try:
        _wait_for(base + address, server, project / "serve.log")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page()
            polls: list[str] = []
            page.on("request", lambda r: "/livereload/" in r.url and polls.append(r.url))
            page.goto(base + address, wait_until="load")
            for i in range(repeat):
                _until(lambda: polls, 30)  # the page's live-reload script is listening
                time.sleep(1.0)  # the machine settles; the edit lands at no particular moment
                polls.clear()
                marker = f"Reload probe {i} {time.time_ns()}."
                start = time.time()  # the wall clock: the browser's Date.now() stops the time
                page_file.write_text(original + f"\n{marker}\n", encoding="utf-8")
                shown = page.wait_for_function(SHOWN, arg=marker, polling="raf", timeout=60_000)
                times.append(shown.json_value() / 1000 - start)
            browser.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        page_file.write_text(original, encoding="utf-8")
    return times


# In the page, at the first frame that shows the text: the time, by the browser's clock.
SHOWN = "marker => document.body?.innerText.includes(marker) && Date.now()"


def _until(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the preview")
        time.sleep(0.02)


def _wait_for(url: str, server: subprocess.Popen, log: Path) -> None:
    """Until ``url`` answers 200 (the server has built the site)."""
    import urllib.request

    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{url} never answered:\n{log.read_text()[-3000:]}")


PREVIEWS = {
    "preview reload (make serve)": [sys.executable, "-m", "engine.serve", "-a", "127.0.0.1:{port}"],
    "preview reload, mkdocs serve of the English site (before)": [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-f",
        "mkdocs.en.yml",
        "-a",
        "127.0.0.1:{port}",
    ],
}


def previews(project: Path, cache: Path, repeat: int = 5) -> dict[str, dict]:
    if CHROMIUM is None:
        print(f"no Chromium ({chromium.LOOKED_FOR}): preview reload not measured", file=sys.stderr)
        return {}
    figures = {}
    for name, command in PREVIEWS.items():
        print(f"{name} ...", file=sys.stderr)
        figures[name] = summary(preview_reload(project, cache, command, repeat))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", default=str(ROOT / ".cache" / "bench.json"))
    parser.add_argument("--preview-only", action="store_true", help="the preview reload alone")
    args = parser.parse_args(argv)
    cores = os.cpu_count() or 1

    if args.preview_only:
        cache = Path(os.environ.get("GUIDE_CACHE_DIR", ROOT / ".cache" / "examples"))
        with tempfile.TemporaryDirectory(prefix="guide-bench-") as tmp:
            project = scratch_copy(Path(tmp))
            build(project, cache)  # examples from the cache: the servers start warm
            figures = previews(project, cache)
        for name, figure in figures.items():
            runs = " ".join(f"{r:.2f}" for r in figure["runs"])
            print(
                f"| {name} | {figure['median']:.2f} | {figure['min']:.2f}–{figure['max']:.2f} |"
                f" runs: {runs}"
            )
        return 0

    with tempfile.TemporaryDirectory(prefix="guide-bench-") as tmp:
        project = scratch_copy(Path(tmp))
        results: dict[str, list[float]] = {
            k: []
            for k in (
                "pure render",
                "pure render, blocks kept",
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
            # The same again: the example blocks rendered by the first are kept (rendered.py).
            results["pure render, blocks kept"].append(
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
        reloads = previews(project, cache)

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
    figures.update(reloads)
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
            "warm / pure render with the blocks kept": warm
            / figures["pure render, blocks kept"]["median"],
            "naive / cold": naive / cold,
            "one example changed / (its run + pure render)": one / (changed["wall"] + render),
            "(one example changed, one language - its run) / one language's render": (
                figures["one example changed, one language"]["median"] - changed["wall"]
            )
            / figures["pure render, one language"]["median"],
        },
    }
    after, before = (figures.get(name, {}).get("median") for name in PREVIEWS)
    if before and after:
        report["ratios"]["preview reload: mkdocs serve (before) / make serve"] = before / after
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
