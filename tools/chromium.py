"""Where the Chromium that the browser tests and the benchmarks drive is, and how it starts.

Playwright's own browser download cannot work offline: Debian's ``chromium`` package is used
instead (``.ci/run`` installs it), or whatever ``$CHROMIUM_PATH`` names.
"""

from __future__ import annotations

import os
import shutil

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOOKED_FOR = "$CHROMIUM_PATH, /usr/bin/chromium, chromium, chromium-browser, google-chrome on PATH"


def find() -> str | None:
    """The Chromium executable, or None when there is none."""
    candidates = [os.environ.get("CHROMIUM_PATH", ""), "/usr/bin/chromium"]
    candidates += [shutil.which(name) or "" for name in ("chromium", "chromium-browser")]
    candidates.append(shutil.which("google-chrome") or "")
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None
