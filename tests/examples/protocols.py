import re

from tests.checks import check
from tests.examples._echo import SENT, chunks, pair


@check("protocols/echo")
def _(run):
    server, client, port = pair(run)

    # The client: three writes and an EOF out, the same bytes back, however chunked.
    assert client.lines[:5] == [
        f"connected to 127.0.0.1:{port}",
        "sent b'This message '",
        "sent b'is sent '",
        "sent b'in three parts.'",
        "sent EOF",
    ]
    assert b"".join(chunks(client.lines, "received ")) == SENT
    assert client.lines[-3:] == [
        "received EOF",
        f"echoed {SENT!r}",
        "same bytes as sent: True",
    ]

    # The server: one connection, the same bytes in, EOF, a clean close, a clean stop.
    made = [
        m
        for line in server.lines
        if (m := re.fullmatch(r"(127\.0\.0\.1:\d+): connection made", line))
    ]
    assert len(made) == 1, server.lines
    peer = made[0].group(1)
    assert b"".join(chunks(server.lines, f"{peer}: received ")) == SENT
    # In order: connection made, one or more received lines, EOF, closed, then the Ctrl-C.
    assert server.lines[1] == f"{peer}: connection made"
    assert len(server.lines) >= 6, server.lines
    assert all(line.startswith(f"{peer}: received b") for line in server.lines[2:-3])
    assert server.lines[-3:] == [
        f"{peer}: received EOF",
        f"{peer}: connection closed",
        "server closed, exiting",
    ]
