import re

from tests.checks import check

SERVED = re.compile(r"127\.0\.0\.1:\d+: served (\d+), then (.+)")


def _server(run, client_script):
    """(server, client) of an http group; both exited 0, and the server printed its port."""
    server, client = run.procs["http_server.py"], run.procs[client_script]
    assert server.returncode == 0 and client.returncode == 0
    assert re.fullmatch(r"serving HTTP on 127\.0\.0\.1:\d+", server.lines[0]), server.lines
    assert server.lines[-1] == "server closed, exiting", server.lines
    return server, client


def _connections(server):
    """(served, why) for each connection the server printed, in the order it printed them."""
    return [(int(m.group(1)), m.group(2)) for line in server.lines if (m := SERVED.fullmatch(line))]


@check("http/pages")
def _(run):
    server, client = _server(run, "fetch_pages.py")

    # The client: 21 requests (20 pages and /about), all answered before the deadline.
    answered = re.fullmatch(r"21 of 21 answered in (\d+\.\d+) s", client.lines[0])
    assert answered, client.lines
    # Four connections share 20 pages of 0.05 s each: one of them serves at least five.
    assert float(answered.group(1)) >= 0.25
    assert client.lines[1:] == [
        "statuses: {200: 20, 404: 1}, failed: []",
        "every page says its own number: True",
        "cut off by the deadline: [], not started: []",
    ]

    # The server: one line per connection (a connection the server dropped as idle and the
    # client opened again would add one), 21 requests in all; at most 4 at once; then Ctrl-C
    # with no connection left open.
    connections = _connections(server)
    assert len(connections) >= 4, server.lines
    assert all(why in ("client closed", "idle for 1.0 s") for _, why in connections), server.lines
    assert sum(served for served, _ in connections) == 21
    assert server.lines[-3] == "Ctrl-C: closing 0 open connections"
    summary = re.fullmatch(
        r"responses by status: \{200: 20, 404: 1\}; at most (\d) requests at once",
        server.lines[-2],
    )
    assert summary, server.lines
    assert 1 <= int(summary.group(1)) <= 4


@check("http/deadline")
def _(run):
    server, client = _server(run, "fetch_with_deadline.py")

    # Two connections: the slow pages 3 and 6 hold both when the deadline strikes, so 7 and 8
    # are never sent. The pages take 3 s, the deadline is 1 s: the margin is 2 s.
    assert client.lines == [
        "deadline of 1.0 s reached",
        "answered: ['/page/1', '/page/2', '/page/4', '/page/5']",
        "cut off: ['/page/3?delay=3', '/page/6?delay=3']",
        "not started: ['/page/7', '/page/8']",
    ]

    # The server gets Ctrl-C with both connections still open (their handlers are sleeping):
    # it cancels them, and neither sends a response.
    assert server.lines[1] == "Ctrl-C: closing 2 open connections", server.lines
    connections = _connections(server)
    assert [why for _, why in connections] == ["server shutting down"] * 2
    assert sum(served for served, _ in connections) == 4
    assert server.lines[-2] == "responses by status: {200: 4}; at most 2 requests at once"


@check("http/limits")
def _(run):
    server, client = _server(run, "bad_requests.py")

    answers = []
    for line in client.lines:
        m = re.fullmatch(r"(.+): (.+) after (\d+\.\d+) s", line)
        assert m, client.lines
        answers.append((m.group(1), m.group(2), float(m.group(3))))
    # http.HTTPStatus names 414 "Request-URI Too Long" before 3.13, "URI Too Long" from 3.13.
    uri_too_long = "URI Too Long" if run.python >= (3, 13) else "Request-URI Too Long"
    assert [(name, answer) for name, answer, _ in answers] == [
        ("not HTTP", "HTTP/1.1 400 Bad Request"),
        ("no Host header", "HTTP/1.1 400 Bad Request"),
        ("HTTP/2.0", "HTTP/1.1 505 HTTP Version Not Supported"),
        ("40 headers", "HTTP/1.1 431 Request Header Fields Too Large"),
        ("9 KiB header", "HTTP/1.1 431 Request Header Fields Too Large"),
        ("9 KiB target", f"HTTP/1.1 414 {uri_too_long}"),
        ("a POST", "HTTP/1.1 501 Not Implemented"),
        ("head never ends", "HTTP/1.1 408 Request Timeout"),
        ("nothing sent", "EOF, no response"),
    ]
    # The client's own clock starts before it connects, the server's timers after: so these
    # are lower bounds (HEAD_TIMEOUT = 0.5 s, IDLE_TIMEOUT = 1.0 s).
    assert answers[7][2] >= 0.5
    assert answers[8][2] >= 1.0

    # The server's reason for each, in the same order: it prints before it closes, and the
    # client reads to EOF before it opens the next connection.
    assert _connections(server) == [
        (0, "sent 400: malformed request line"),
        (0, "sent 400: no single valid Host header"),
        (0, "sent 505: version HTTP/2.0"),
        (0, "sent 431: too many headers"),
        (0, "sent 431: head too large"),
        (0, "sent 414: request line too long"),
        (0, "sent 501: request bodies are not supported"),
        (0, "sent 408: head not complete in time"),
        (0, "idle for 1.0 s"),
    ]
    assert server.lines[-3:-1] == [
        "Ctrl-C: closing 0 open connections",
        "responses by status: {400: 2, 408: 1, 414: 1, 431: 2, 501: 1, 505: 1};"
        " at most 0 requests at once",
    ]
