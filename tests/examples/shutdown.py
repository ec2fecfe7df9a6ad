"""Checks for the graceful shutdown chapter: a server's shutdown, asyncio.run()'s exit steps."""

from tests.checks import check


def _quick_and_slow(lines, stopped, late_line):
    """The part the two deadline examples share; returns the index of the deadline line.

    Both requests are in progress before the signal, in no guaranteed order; the quick one is
    answered and its client gets the answer before the deadline passes.
    """
    assert lines[0].startswith("server: listening on 127.0.0.1:")
    assert set(lines[1:3]) == {
        "server: working on 'quick' for 0.2 s",
        "server: working on 'slow' for 3.0 s",
    }
    assert lines[3:5] == ["server: got SIGTERM", stopped]
    assert lines.index("server: answered 'quick'") < lines.index("client quick: done: quick")
    late = lines.index(late_line)
    assert lines.index("server: answered 'quick'") < late
    return late


@check("shutdown/sigterm_mid_request.py")
def _(run):
    # The client is in the middle of its request when it sends SIGTERM; the server stops
    # accepting, the request still gets its answer, and only then is the server closed. A
    # second connection after the signal is refused.
    assert run.lines[0].startswith("server: listening on 127.0.0.1:")
    assert run.lines[1:] == [
        "server: working on 'report'",
        "client: server says 'working'",
        "client: sending SIGTERM",
        "server: got SIGTERM",
        "server: stopped accepting, 1 request(s) in progress",
        "server: answered 'report'",
        "client: server says 'done: report'",
        "server: closed",
        "client: new connection refused",
    ]
    assert run.returncode == 0


@check("shutdown/deadline_exceeded.py")
def _(run):
    lines = run.lines
    late = _quick_and_slow(
        lines,
        "server: stopped accepting, 2 request(s) in progress",
        "server: deadline passed, aborting 1 connection(s)",
    )
    # Then the deadline passes: the slow one is aborted and cancelled, and the server closes.
    assert lines[late + 1 : late + 3] == ["server: 'slow' cancelled", "server: closed"]
    # The slow client never gets its answer. The server had read all it sent, so closing the
    # socket sends a FIN, not a reset: the client sees end of file, after "server: closed".
    assert lines.index("client slow: closed without a reply") > late + 2
    assert "server: answered 'slow'" not in lines
    assert len(lines) == 11
    # The page: the slow request is given up about 0.5 s (the deadline) after the signal;
    # a lower bound from the start of the process.
    assert run.times[late] >= 0.5
    assert run.returncode == 0


@check("shutdown/run_exit_steps.py")
def _(run):
    # After main() returns, asyncio.run() cancels the remaining task, closes the async generator
    # still open, shuts the default executor down in a thread of its own (wait=True), and
    # closes the loop, whose close() calls shutdown(wait=False) once more, in the main thread.
    assert run.lines[:5] == [
        "main: ran a call in the default executor",
        "main: first tick 0",
        "main: returning, worker done: False",
        "worker: cancelled",
        "ticker: finalized",
    ]
    assert run.lines[5].startswith("executor: shutdown(wait=True) in thread ")
    assert "MainThread" not in run.lines[5]
    assert run.lines[6:] == [
        "executor: shutdown(wait=False) in thread 'MainThread'",
        "asyncio.run() returned, loop closed: True",
    ]
    assert run.returncode == 0


@check("shutdown/abort_clients.py")
def _(run):
    # Python 3.13+: wait_closed() under a deadline, then abort_clients(). The quick request is
    # answered; the slow connection is aborted, but its handler keeps running until
    # asyncio.run() cancels it, after main() has returned.
    lines = run.lines
    late = _quick_and_slow(
        lines,
        "server: stopped accepting",
        "server: deadline passed, aborting the remaining connections",
    )
    assert lines[late + 1] == "server: closed"
    assert any(
        line in lines
        for line in ("client slow: closed without a reply", "client slow: connection reset")
    )
    assert lines[-2:] == ["main: returning", "server: 'slow' cancelled"]
    assert len(lines) == 12
    # The deadline: 0.5 s after the signal, so at least 0.5 s from the start of the process.
    assert run.times[late] >= 0.5
    assert run.returncode == 0
