import re

from tests.checks import check
from tests.examples._echo import SENT, chunks, pair


@check("streams/echo")
def _(run):
    server, client, port = pair(run)

    # The client: reader.read() waits for EOF, so it gets everything in one piece.
    assert client.lines == [
        f"connected to 127.0.0.1:{port}",
        "sent b'This message '",
        "sent b'is sent '",
        "sent b'in three parts.'",
        "sent EOF",
        f"received {SENT!r}",
        "same bytes as sent: True",
    ]

    # The server: the same bytes in (in one or more reads), EOF, then a clean stop.
    made = [
        m
        for line in server.lines
        if (m := re.fullmatch(r"(127\.0\.0\.1:\d+): connection made", line))
    ]
    assert len(made) == 1, server.lines
    peer = made[0].group(1)
    assert b"".join(chunks(server.lines, f"{peer}: received ")) == SENT
    # In order: connection made, one or more reads, EOF, then the Ctrl-C.
    assert server.lines[1] == f"{peer}: connection made"
    assert len(server.lines) >= 5, server.lines
    assert all(line.startswith(f"{peer}: received b") for line in server.lines[2:-2])
    assert server.lines[-2:] == [f"{peer}: received EOF, closing", "server closed, exiting"]
