"""Measure the Run button in Chromium: from a click to the first output line.

    python tools/bench_run.py [--repeat N] [--json PATH]        (part of make bench)

Builds both languages without running examples into a scratch folder, serves it on 127.0.0.1
and, in Debian's Chromium (Playwright), clicks Run on ``composing/wait_timeout.py`` of the
English page: first in a fresh browser context (the runtime not yet loaded, nothing cached),
then again on the same page (the runtime loaded). Figures are medians over N fresh contexts;
the bytes are those the page fetched between the first click and the first line.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine import pyodide  # noqa: E402
from tools import chromium  # noqa: E402

EXAMPLE = "composing/wait_timeout.py"
PAGE = "en/composing/"
FIRST_LINE = """el => new Promise(resolve => {
  const started = performance.now();
  const output = el.nextElementSibling;
  const seen = () => output.querySelector('.run-line');
  const observer = new MutationObserver(() => {
    if (seen()) { observer.disconnect(); resolve(performance.now() - started); }
  });
  observer.observe(output, { childList: true, subtree: true });
  el.querySelector('button.run-start').click();
})"""
DONE = "el => ['done', 'error', 'stopped'].includes(el.dataset.state)"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", default=str(ROOT / ".cache" / "bench.json"))
    args = parser.parse_args(argv)
    if pyodide.fetch()[0] is None:
        print(pyodide.fetch()[1], file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="guide-bench-run-") as tmp:
        site = Path(tmp) / "site"
        env = dict(os.environ, GUIDE_SKIP_EXAMPLES="1")
        subprocess.run(
            [sys.executable, "-m", "engine.build", "--site-dir", str(site)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/{PAGE}"
        cold, warm, fetched = [], [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium.find(),
                args=["--no-sandbox", "--disable-gpu"],
            )
            for _ in range(args.repeat):
                context = browser.new_context()
                page = context.new_page()
                page.goto(url, wait_until="load")
                requests = []
                page.on("requestfinished", lambda request, seen=requests: seen.append(request))
                controls = page.locator(f'.run-controls[data-example="{EXAMPLE}"]')
                handle = controls.element_handle()
                cold.append(handle.evaluate(FIRST_LINE) / 1000)
                page.wait_for_function(DONE, arg=handle, timeout=60_000)
                fetched.append(sum(r.sizes()["responseBodySize"] for r in requests))
                warm.append(handle.evaluate(FIRST_LINE) / 1000)
                page.wait_for_function(DONE, arg=handle, timeout=60_000)
                context.close()
            browser.close()
        server.shutdown()
        runtime = site / pyodide.SITE_DIR
        gzipped = sum(len(gzip.compress(p.read_bytes(), 6)) for p in runtime.iterdir())
    report = {
        "example": EXAMPLE,
        "first_line_runtime_not_loaded_s": round(statistics.median(cold), 3),
        "first_line_runtime_loaded_s": round(statistics.median(warm), 3),
        "bytes_fetched_on_first_run": int(statistics.median(fetched)),
        "bytes_fetched_on_first_run_gzip": gzipped,
        "rounds": args.repeat,
    }
    print(f"Run button, {EXAMPLE} ({args.repeat} rounds, medians):")
    print(f"  click to first line, runtime not loaded: {statistics.median(cold):.2f} s")
    print(f"  click to first line, runtime loaded:     {statistics.median(warm):.2f} s")
    print(
        f"  bytes fetched on first run: {report['bytes_fetched_on_first_run'] / 1e6:.1f} MB "
        f"({gzipped / 1e6:.1f} MB gzip-compressed, as a compressing server sends them)"
    )
    path = Path(args.json)
    data = json.loads(path.read_text()) if path.is_file() else {}
    data["run_button"] = report
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
