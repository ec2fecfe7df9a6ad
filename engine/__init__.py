"""The guide's build engine: it runs the examples the pages include and renders them.

One job per module; each imports only from the modules above it in this list:

    certs          the TLS certificates the examples read (made on first need)
    examples       declarations: snippets/ and each chapter's examples.toml
    interpreters   the local CPython 3.11+ interpreters
    results        a run's processes and output, and its transcript
    processes      running an example now (subprocesses, deadlines, the task recorder)
    cache          the run cache: each (example, interpreter) pair at most once
    labels         every word the example block shows, in both languages
    versions       how the versions' transcripts differ, and the note that says so
    charts         the timeline and the task lanes (SVG)
    pyodide        the browser runtime (fetched with npm, copied into the site)
    runnable       which examples run in the reader's browser
    rendered       rendered example blocks, kept between builds
    fence          the example block: source, transcripts, note, charts
    search         the search index and its worker
    hooks          the MkDocs hooks (mkdocs.base.yml names this file)
    build, serve   `make build` and `make serve`

`recorder/sitecustomize.py` is not imported here: it runs inside a timing example's own
interpreter. `python -m engine NAME ...` prints examples' transcripts. The maintainer scripts
(bench, flaky, outdated, the translation checker) live in tools/ and use the engine; it never
uses them.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
