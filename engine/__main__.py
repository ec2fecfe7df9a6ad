"""Print examples' transcripts as the pages show them.

python -m engine [--fresh] [--dev] snippets/<chapter>/<file>.py ...   (every example if none)
"""

from __future__ import annotations

import argparse
import sys

from engine.cache import run_many
from engine.examples import discover, load
from engine.processes import run
from engine.results import transcript


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "examples", nargs="*", help="snippets/<chapter>/<file>.py or <chapter>/<group>"
    )
    parser.add_argument("--fresh", action="store_true", help="ignore the cache")
    parser.add_argument("--dev", action="store_true", help="run with -X dev as the tests do")
    args = parser.parse_args(argv)
    names = [n.removeprefix("snippets/") for n in args.examples] or [e.name for e in discover()]
    examples = [load(n) for n in names]
    if args.fresh:
        results = {e.name: run(e, dev=args.dev) for e in examples}
    else:
        results = run_many(examples, dev=args.dev)
    status = 0
    for example in examples:
        result = results[example.name]
        print(f"== {example.name} (Python {result.python or '-'}, {result.seconds:.2f} s)")
        if result.skipped:
            print(f"skipped: {result.skipped}")
            continue
        print(transcript(result, timing=example.timing))
        if result.error:
            print(f"ERROR: {result.error}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
