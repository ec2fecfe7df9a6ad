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
    # Each line but the last starts with the time since main() started, measured by the example
    # itself before it starts the child (the runner's own stamps can be late under load).
    parsed = [re.fullmatch(r"(\d+\.\d\d) s: (.*)", line) for line in run.lines[:-1]]
    assert all(parsed), run.lines
    # Every line is read, in order, before wait() is called.
    assert [m[2] for m in parsed] == [
        "child started",
        "read b'alpha\\n'",
        "read b'beta\\n'",
        "read b'gamma\\n'",
        "end of output",
        "return code 0",
    ]
    assert run.lines[-1] == "collected ['alpha', 'beta', 'gamma']"
    alpha, beta, gamma = (float(m[1]) for m in parsed[1:4])
    # The child sleeps 0.2 s before each word, on the same monotonic clock, and starts after
    # `start` is taken: no word can be read earlier (a true 0.2 s never prints below 0.20).
    assert alpha >= 0.2 and beta >= 0.4 and gamma >= 0.6
    # The lines come as the child prints them, not together at its exit: gamma is read "about
    # 0.4 s after alpha" (two 0.2 s pauses). The gap is measured in the parent, so the child's
    # start-up does not count; a late wake-up of the parent for alpha would shorten it, and
    # 0.2 s allows for that (24 runs at once with 3 CPU hogs on 2 cores: at least 0.36 s in
    # 120 runs, while the time of alpha itself reached 1.13 s).
    assert gamma - alpha >= 0.2


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
    # (a hang would fail the run at its timeout); then run_with_timeout() passes the
    # TimeoutError on to main().
    assert run.lines == [
        "child stopped, return code -9",
        "timed out after 0.2 s",
    ]
