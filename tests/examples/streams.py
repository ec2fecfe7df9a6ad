import ast
import re

from tests.checks import check

SENT = b"This message is sent in three parts."


def _chunks(lines, prefix):
    """The bytes of every line that starts with prefix + "b'" (one data chunk each)."""
    return [
        ast.literal_eval(line[len(prefix) :]) for line in lines if line.startswith(prefix + "b")
    ]


@check("streams/echo")
def _(run):
    server = run.procs["echo_server.py"]
    client = run.procs["echo_client.py"]
    assert server.returncode == 0
    assert client.returncode == 0

    port = re.fullmatch(r"listening on 127\.0\.0\.1:(\d+)", server.lines[0]).group(1)

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
    assert b"".join(_chunks(server.lines, f"{peer}: received ")) == SENT
    assert server.lines[-2:] == [f"{peer}: received EOF, closing", "server closed, exiting"]
