"""Build both languages into one site: Chinese at the root, English under en/.

    python -m engine.build [--site-dir DIR] [--fresh] [--no-examples] [--lang zh|en]

Both builds run in this one process and share the examples' results, so each example runs at
most once. ``--fresh`` (or ``GUIDE_FRESH=1``) ignores every cached result and runs every example
again, once for both languages. ``--no-examples`` (``GUIDE_SKIP_EXAMPLES=1``) renders the pages
without running anything: the benchmark's "pure render".
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import uuid
from pathlib import Path

if str(Path(__file__).resolve().parent.parent) not in sys.path:  # python engine/build.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine import ROOT, rendered

CONFIGS = {"zh": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", default=os.environ.get("GUIDE_SITE_DIR", "site"))
    parser.add_argument("--fresh", action="store_true", default=bool(os.environ.get("GUIDE_FRESH")))
    parser.add_argument(
        "--no-examples", action="store_true", default=bool(os.environ.get("GUIDE_SKIP_EXAMPLES"))
    )
    parser.add_argument("--lang", choices=sorted(CONFIGS), action="append")
    args = parser.parse_args(argv)

    if args.fresh:
        # A token for this build: cached results count only if this build wrote them.
        os.environ["GUIDE_FRESH"] = uuid.uuid4().hex
    if args.no_examples:
        os.environ["GUIDE_SKIP_EXAMPLES"] = "1"
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice about its future

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)

    site = Path(args.site_dir).resolve()
    for lang in sorted(set(args.lang or CONFIGS), key=list(CONFIGS).index):
        start = time.monotonic()
        site_dir = site if lang == "zh" else site / lang
        try:
            config = load_config(str(CONFIGS[lang]), site_dir=str(site_dir), strict=True)
            # The Chinese build cleans the whole site folder (an English build inside included),
            # so the English build comes second.
            build(config)
        except (Abort, ConfigurationError) as error:
            print(f"ERROR: the {lang} build failed: {error}", file=sys.stderr)
            return 1
        print(
            f"INFO    -  {lang}: built {site_dir} in {time.monotonic() - start:.2f} s",
            file=sys.stderr,
        )
    if not args.lang and not args.no_examples:  # the blocks a whole site did not use are stale
        if removed := rendered.prune():
            print(f"INFO    -  {removed} stale example blocks removed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
