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
    # Every line is read, in order, before wait() is called.
    assert run.lines == [
        "child started",
        "read b'alpha\\n'",
        "read b'beta\\n'",
        "read b'gamma\\n'",
        "end of output",
        "return code 0",
        "collected ['alpha', 'beta', 'gamma']",
    ]
    at = dict(zip(run.lines, run.times, strict=True))
    # The lines are read as the child prints them, not all together at its exit: the child
    # writes gamma at least 0.4 s after alpha (two 0.2 s pauses). Offsets are stamped when the
    # runner reads a line, so one can be late on a loaded machine; 0.15 s allows 0.25 s for
    # that (under CPU load, 420 runs showed at most 0.05 s). The child pauses before its first
    # line, so the parent is reading by then: the spawn and the parent's own start-up, which
    # can stall for a while under load, are not inside the measured span.
    assert at["read b'gamma\\n'"] - at["read b'alpha\\n'"] >= 0.15


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
    delays = ("0.3", "0.1", "0.2")
    # All three children are started before the first one ends: they run at the same time.
    # Which starts or ends first is not guaranteed; each starts once and ends once.
    assert sorted(run.lines[:3]) == sorted(f"started child sleeping {d}s" for d in delays)
    assert sorted(run.lines[3:6]) == sorted(f"child sleeping {d}s done" for d in delays)
    # gather() returns the results in the order of its arguments, whatever the finishing order.
    assert run.lines[6:] == ["results in call order: ['0.3', '0.1', '0.2']"]


@check("subprocesses/timeout_kill.py")
def _(run):
    # communicate() after kill() returns, with the exit status of a child killed by SIGKILL
    # (a hang would fail the run at its timeout).
    assert run.lines == [
        "still running after 0.2 s: kill it",
        "return code -9",
    ]
