"""What the echo pairs (protocols, streams) have in common: the message and its chunks."""

import ast
import re

SENT = b"This message is sent in three parts."


def chunks(lines, prefix):
    """The bytes of every line that starts with prefix + "b'" (one data chunk each)."""
    return [
        ast.literal_eval(line[len(prefix) :]) for line in lines if line.startswith(prefix + "b")
    ]


def pair(run):
    """(server, client, port) of an echo pair that both exited 0."""
    server = run.procs["echo_server.py"]
    client = run.procs["echo_client.py"]
    assert server.returncode == 0
    assert client.returncode == 0
    ready = re.fullmatch(r"listening on 127\.0\.0\.1:(\d+)", server.lines[0])
    assert ready, server.lines
    return server, client, ready.group(1)
