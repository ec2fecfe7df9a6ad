"""engine/search.py without a browser: the field it adds to the index, and when it stops a build."""

from __future__ import annotations

import json

import pytest
from mkdocs.exceptions import PluginError

from engine import search

SEPARATOR = r'[\s\-,:!=\[\]()"`/]+|\.(?!\d)|&[lg]t;|(?!\b)(?=[A-Z][a-z])'


def index(tmp_path, locations: list[str]):
    folder = tmp_path / "search"
    folder.mkdir(exist_ok=True)
    data = {
        "config": {"lang": ["en"], "separator": SEPARATOR, "pipeline": [], "fields": {}},
        "docs": [{"location": loc, "title": loc, "text": ""} for loc in locations],
    }
    (folder / "search_index.json").write_text(json.dumps(data), encoding="utf-8")
    return folder / "search_index.json"


def test_weighted_field_text():
    text = search._weighted(["event loop", "coroutine", "TaskGroup", "create_task"], SEPARATOR)
    words = text.split()
    assert words.count("coroutine") == 3 and "coroutines" in words
    assert words.count("event") == 2 and words.count("_event_loop") == 3
    assert words.count("_task_group") == 3  # the index splits TaskGroup at its capital
    assert words.count("create_task") == 3 and "create_tasks" not in words


def test_post_process_marks_teaching_sections(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "teaching", lambda lang: {"tasks/#create": ["create_task"]})
    path = index(tmp_path, ["tasks/", "tasks/#create"])
    search.post_process(str(tmp_path), "en")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["config"]["fields"][search.FIELD] == {"boost": search.BOOST}
    assert "synonyms" in data["config"]["guide"]
    assert data["docs"][1][search.FIELD].split()[0] == "create_task"
    assert search.FIELD not in data["docs"][0]


def test_post_process_stops_on_a_renamed_heading_id(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "teaching", lambda lang: {"tasks/#create": ["create_task"]})
    index(tmp_path, ["tasks/", "tasks/#creating"])
    with pytest.raises(PluginError, match="tasks/#create"):
        search.post_process(str(tmp_path), "en")


def test_post_process_skips_pages_this_build_does_not_have(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "teaching", lambda lang: {"tasks/#create": ["create_task"]})
    index(tmp_path, ["", "#intro"])
    search.post_process(str(tmp_path), "en")  # a scratch project: no error


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_synonyms_map_to_terms_not_to_other_synonyms(lang):
    found = search.synonyms(lang)
    assert found, lang
    assert not set(found) & set(found.values()), "a synonym's target is itself a synonym"
