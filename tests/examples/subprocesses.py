"""Checks for the subprocesses chapter: protocol form, streams form, stdin, several children."""

import re

from tests.checks import check


@check("subprocesses/protocol_exec.py")
def _(run):
    lines = run.lines
    assert re.fullmatch(r"child started, pid \d+", lines[0])
    # Process exit and pipe closes come in any order; connection_lost() always comes last.
    assert sorted(lines[1:4]) == ["process exited with code 0", "stderr closed", "stdout closed"]
    assert lines[4:] == [
        "connection_lost: all output received",
        "return code 0, 120634 bytes on stdout",
        "stderr: 5000 rows written",
        "5000 rows; first and last:",
        "{'n': '1', 'square': '1', 'cube': '1'}",
        "{'n': '5000', 'square': '25000000', 'cube': '125000000000'}",
    ]


@check("subprocesses/stream_lines.py")
def _(run):
    timed = list(zip(run.times, run.lines, strict=True))
    lines = [line for _, line in timed]
    # Every line is read, in order, before wait() is called.
    assert lines == [
        "child started",
        "read b'alpha\\n'",
        "read b'beta\\n'",
        "read b'gamma\\n'",
        "end of output",
        "return code 0",
        "collected ['alpha', 'beta', 'gamma']",
    ]
    at = {line: t for t, line in timed}
    # Lines arrive as the child prints them (0.1 s apart), not all at the end.
    assert at["read b'gamma\\n'"] - at["child started"] >= 0.15
    assert at["read b'alpha\\n'"] <= at["read b'beta\\n'"] <= at["read b'gamma\\n'"]


@check("subprocesses/communicate_stdin.py")
def _(run):
    assert run.lines == [
        "child started",
        "return code 0",
        "stderr was not captured: None",
        "original: 'This message will be converted\\nto all caps.\\n'",
        "changed:  'THIS MESSAGE WILL BE CONVERTED\\nTO ALL CAPS.\\n'",
    ]


@check("subprocesses/concurrent_children.py")
def _(run):
    timed = list(zip(run.times, run.lines, strict=True))
    lines = [line for _, line in timed]
    delays = ("0.3", "0.1", "0.2")
    # Which child starts or ends first is not guaranteed; each starts once and ends once.
    assert sorted(lines[:3]) == sorted(f"started child sleeping {d}s" for d in delays)
    assert sorted(lines[3:6]) == sorted(f"child sleeping {d}s done" for d in delays)
    # gather() returns the results in the order of its arguments, whatever the finishing order.
    assert lines[6:] == ["results in call order: ['0.3', '0.1', '0.2']"]
    at = {line: t for t, line in timed}
    assert at["child sleeping 0.3s done"] - at["started child sleeping 0.3s"] >= 0.2
