"""Every version's output on the page: what counts as the same, and what the note says."""

from __future__ import annotations

import pytest

from engine import results, versions


def result(python: str, *lines: str, command: str = "python3 demo.py") -> results.Result:
    proc = results.Proc(command, 0, list(lines), [0.1 * i for i in range(len(lines))])
    return results.Result("demo/demo.py", python, [proc], 1.0)


@pytest.fixture(params=["en", "zh"])
def language(request):
    return request.param


def test_timings_ports_ids_and_addresses_do_not_count(language):
    results = [
        result("3.13.0", "at 127.0.0.1:40123 pid 4242", "took 0.31 s", "<Foo at 0x7f00aa>"),
        result("3.12.1", "at 127.0.0.1:39001 pid 77", "took 0.29 s", "<Foo at 0x7f11bb>"),
        result("3.11.7", "at 127.0.0.1:51515 pid 1234", "took 0.3 s", "<Foo at 0x55>"),
    ]
    marks, note = versions.compare(results, language)
    assert not any(marks)
    assert "3.11.7" in note and "3.12.1" in note and "3.13.0" in note
    assert note.startswith({"en": "The same output", "zh": "除了时间和地址"}[language])


def test_a_differing_line_is_marked_in_both_tabs_and_told_in_the_note(language):
    results = [
        result("3.13.0", "start", "wait_for raised CancelledError", "end"),
        result("3.12.1", "start", "wait_for raised CancelledError", "end"),
        result("3.11.7", "start", "wait_for returned 'pong'", "end", "extra"),
    ]
    marks, note = versions.compare(results, language)
    # Line 1 of a transcript is its "$ python3 ..." command.
    assert marks == [{3}, set(), {3, 5}]
    if language == "en":
        assert note == (
            "Not the same on every version (differing lines highlighted): "
            "Python 3.12.1 prints the same as 3.13.0; "
            "Python 3.11.7 against 3.13.0: 1 changed line, 1 extra line."
        )
    else:
        assert "Python 3.11.7 与 3.13.0 相比有 1 行不同、多 1 行" in note


def test_another_order_is_named_as_such(language):
    results = [result("3.13.0", "a", "b", "c"), result("3.12.1", "a", "c", "b")]
    marks, note = versions.compare(results, language)
    assert marks[0] and marks[1]
    assert {"en": "another order", "zh": "顺序不同"}[language] in note


def test_group_commands_with_ports_compare_equal(language):
    one = result("3.13.0", "hi", command="python3 client.py 40123")
    two = result("3.12.1", "hi", command="python3 client.py 39999")
    marks, _ = versions.compare([one, two], language)
    assert not any(marks)
