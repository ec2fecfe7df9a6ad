"""The site's search: what the build adds to Material's search (README.md, "Search").

Material's search plugin writes ``search/search_index.json`` (one document per page and per
heading) and its worker searches it with Lunr in the browser. The guide adds three things:

- ``teaches``, a field of the index, boosted far above titles: on the section that teaches a
  term (``docs/glossary.yml``: ``page`` and ``id``) or an API name (``docs/search.yml``) it holds
  that term, so the first result for the term is the page that teaches it;
- ``config.guide.synonyms`` in the index: words readers type, mapped to the guide's terms
  (``docs/search.yml``; in Chinese also the glossary's ``avoid`` lists);
- a worker: ``engine/search_worker.js`` followed by Material's own worker, in one file that
  takes the place of Material's (``overrides/main.html`` points the page at it, so the page
  loads no more files than before). It applies the synonyms, cuts Chinese queries into the
  index's own words, and asks for each word exactly as well as by prefix.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from engine import ROOT

DATA = ROOT / "docs" / "search.yml"
GLOSSARY = ROOT / "docs" / "glossary.yml"
PRELUDE = Path(__file__).with_name("search_worker.js")
FIELD = "teaches"
BOOST = 1e5  # titles weigh 1e3, text 1
WORKER_DIR = "assets/javascripts/workers"


def _load(path: Path):
    if not path.exists():  # a scratch project of the tests may have neither file
        return {"synonyms": {}, "teaches": []} if path == DATA else []
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def synonyms(language: str) -> dict[str, str]:
    """Query word -> the guide's term (docs/search.yml; in Chinese the glossary's avoid lists)."""
    found = {}
    if language == "zh":
        for term in _load(GLOSSARY):
            for wrong in term.get("avoid", []):
                found[wrong] = term["zh"]
    found.update(_load(DATA)["synonyms"].get(language) or {})
    return found


def teaching(language: str) -> dict[str, list[str]]:
    """Index location ("tasks/#create", "coroutines/") -> the terms that section teaches."""
    where: dict[str, list[str]] = {}

    def add(page: str, anchor: str | None, terms: list[str]) -> None:
        location = ("" if page == "index" else f"{page}/") + (f"#{anchor}" if anchor else "")
        where.setdefault(location, []).extend(terms)

    for term in _load(GLOSSARY):
        words = [term[language]] + ([term["en"]] if language == "zh" else [])
        add(term["page"], term.get("id"), list(dict.fromkeys(words)))
    for entry in _load(DATA)["teaches"]:
        add(entry["page"], entry.get("id"), entry.get("terms", []) + entry.get(language, []))
    return where


def jieba_words() -> list[str]:
    """Chinese words of docs/search.yml the index must keep whole (glossary terms are added
    by the hooks)."""
    words = []
    for entry in _load(DATA)["teaches"]:
        words += [w for w in entry.get("zh", []) if not w.isascii()]
    words += [w for w in _load(DATA)["synonyms"].get("zh", {}).values() if not w.isascii()]
    return list(dict.fromkeys(words))


def _plural(term: str) -> str | None:
    """The English plural of a term's last word (the index has no stemmer): "loops" for
    "event loop"; none for API names."""
    word = term.split()[-1]
    if not (word.isascii() and word.isalpha() and word[1:].islower()):
        return None
    return word + ("es" if word.endswith(("s", "sh", "ch", "x")) else "s")


def _weighted(terms: list[str], separator: str) -> str:
    """The field's text. A one-word term is written three times, a longer term twice: "event"
    finds the section that teaches "event" before the one that teaches "event loop". A term of
    several words (as the index splits them) is also written three times as one phrase token,
    _event_loop, _task_group, which the worker asks for when the query has those words in a row
    (the leading _ keeps a prefix query, task*, from matching it).
    The English plural is added once ("coroutines")."""
    out = []
    for term in terms:
        out += [term] * (3 if len(term.split()) == 1 else 2)
        if (plural := _plural(term)) is not None:
            out.append(plural)
        parts = [part for part in re.split(separator, term) if part]
        if len(parts) > 1:
            out += ["_" + "_".join(parts).lower()] * 3
    return " ".join(out)


def post_process(site_dir: str, language: str) -> None:
    """Add the teaching field and the synonyms to the search index Material wrote."""
    path = Path(site_dir) / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    pages = {location.partition("#")[0] for location in docs}
    missing = []
    for location, terms in teaching(language).items():
        if location in docs:
            docs[location][FIELD] = _weighted(terms, index["config"]["separator"])
        elif location.partition("#")[0] in pages:  # a page without it: a heading id changed
            missing.append(f"{location} ({', '.join(terms)})")
    if missing:
        raise PluginError(
            "docs/glossary.yml or docs/search.yml names a heading id its page does not have: "
            + "; ".join(missing)
        )
    index["config"]["fields"][FIELD] = {"boost": BOOST}
    index["config"]["guide"] = {"synonyms": synonyms(language)}
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")


@cache
def worker() -> tuple[str, str]:
    """(site path, content) of the worker: the guide's prelude, then Material's worker."""
    import material

    folder = Path(material.__file__).parent / "templates" / WORKER_DIR
    (material_worker,) = folder.glob("search.*.min.js")
    content = (
        PRELUDE.read_text(encoding="utf-8")
        + f"\n// Material for MkDocs' search worker ({material_worker.name}) follows.\n"
        # Without its source map comment: the map would not fit the combined file.
        + re.sub(r"//# sourceMappingURL=\S+\s*$", "", material_worker.read_text(encoding="utf-8"))
    )
    digest = hashlib.sha256(content.encode()).hexdigest()[:8]
    return f"{WORKER_DIR}/search-guide.{digest}.min.js", content
