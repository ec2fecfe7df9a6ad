"""The echo servers stop on Ctrl-C while a client is still connected, on every local CPython 3.11+.

A group example's server gets its Ctrl-C only after its clients have exited, so the examples'
own runs never show this. Here each echo server starts as the runner starts it (``-W error``,
``-X dev`` as in the tests, the runner's environment), one client connects and then does nothing
at all: it sends nothing and reads nothing, so over TLS it never answers the server's
``close_notify`` either. Then Ctrl-C: the server must exit 0 within a few seconds, print no
error or warning, and the client must see its connection end.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import ssl
import subprocess
import tempfile
import time

import pytest

from tools import runner

PYTHONS = runner.find_pythons()
SERVERS = ["streams/echo_server.py", "protocols/echo_server.py", "tls/echo_server.py"]
STOP_WITHIN = 5.0  # seconds from Ctrl-C to exit; the servers need well under 1 s, even loaded


def connect(port: int, tls: bool) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    if not tls:
        return sock
    context = ssl.create_default_context(cafile=runner.ROOT / "certs" / "ca.crt")
    return context.wrap_socket(sock, server_hostname="localhost")  # returns after the handshake


def wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


@pytest.mark.parametrize("script", SERVERS)
@pytest.mark.parametrize("version", sorted(PYTHONS), ids=lambda v: f"py{v[0]}.{v[1]}")
def test_ctrl_c_with_an_idle_client(version, script):
    python, tls = PYTHONS[version], script.startswith("tls/")
    if tls:
        runner.load("tls/echo")  # makes the certificates if they are missing or expiring
    port: list[int] = []

    def watch(line: str) -> None:  # the runner's way of finding a group server's port
        if not port and (found := re.search(r"127\.0\.0\.1:(\d+)", line)):
            port.append(int(found.group(1)))

    stopped_after = end = None
    with tempfile.TemporaryDirectory(prefix="guide-server-") as home:
        server = runner._start(python, script, [], True, home)
        output = runner._Reader(server.stdout, time.monotonic(), str, on_line=watch)
        output.start()
        try:
            assert wait_for(lambda: port, runner.READY_TIMEOUT), "the server printed no port"
            with connect(port[0], tls) as client:
                # Each server prints a line for a new connection: its handler is running.
                assert wait_for(lambda: len(output.head) >= 2, 10), output.head
                ctrl_c = time.monotonic()
                os.killpg(server.pid, signal.SIGINT)
                try:
                    server.wait(timeout=STOP_WITHIN)
                    stopped_after = time.monotonic() - ctrl_c
                except subprocess.TimeoutExpired:
                    pass
                client.settimeout(1)
                try:
                    end = client.recv(100)  # b"": EOF (over TLS: also without close_notify)
                except ConnectionResetError:
                    end = b""
                except TimeoutError:
                    end = "nothing: the connection is still open"
        finally:
            runner._kill_group(server)
            output.join(5)
    text = "\n".join(line for _, line in output.head)
    assert stopped_after is not None, f"still running {STOP_WITHIN:g} s after Ctrl-C:\n{text}"
    assert server.returncode == 0, text
    for word in ("Traceback", "Exception", "Unhandled", "Error", "Warning"):
        assert word not in text, text
    assert end == b"", f"after the server exited, the idle client read {end!r}"
