"""The servers stop on Ctrl-C while a client is still connected, on every local CPython 3.11+.

A group example's server gets its Ctrl-C only after its clients have exited, so the examples'
own runs never show this. Here each server (the echo servers, the HTTP server) starts as the
runner starts it (``-W error``, ``-X dev`` as in the tests, the runner's environment), one client
connects, and then Ctrl-C: the server must exit 0 within a few seconds, print no error or
warning, and the client must see its connection end. The client is one of three kinds:

- ``idle``: it sends nothing and reads nothing, so over TLS it never answers the server's
  ``close_notify`` either;
- ``flooding``: it sends requests (lines; for HTTP, pipelined GETs) as fast as it can and never
  reads the answers. The server's flow control must make it stop reading (the client's sends
  then block: the test waits for that), and at Ctrl-C its send buffer is full, which ``close()``
  would wait to send for ever;
- ``resetting``: it sends a request and reads the answer, then resets the connection (RST)
  before the Ctrl-C. The server must report the ``ConnectionResetError`` in one line of its own,
  and nothing else.
"""

from __future__ import annotations

import os
import signal
import socket
import ssl
import struct
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass

import pytest

from engine import ROOT, examples, interpreters, processes

PYTHONS = interpreters.find_pythons()


@dataclass(frozen=True)
class Server:
    request: bytes  # what the flooding client sends over and over, and the resetting one once
    answer: bytes  # how the answer to one request starts
    tls: bool = False
    prints_connections: bool = True  # a line when a client connects


ECHO_LINE = b"x" * 999 + b"\n"  # within the TLS server's 1024-byte line limit
GET = b"GET /page/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
SERVERS = {
    "streams/echo_server.py": Server(ECHO_LINE, ECHO_LINE),
    "protocols/echo_server.py": Server(ECHO_LINE, ECHO_LINE),
    "tls/echo_server.py": Server(ECHO_LINE, ECHO_LINE, tls=True),
    "http/http_server.py": Server(GET, b"HTTP/1.1 200 ", prints_connections=False),
}
STOP_WITHIN = 5.0  # seconds from Ctrl-C to exit; the servers need well under 1 s, even loaded
FLOOD_LIMIT = 256 * 2**20  # bytes: a server with working flow control blocks its client sooner
STALLED = 1.0  # seconds without progress after which the flooding client counts as blocked


def connect(port: int, tls: bool) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    if not tls:
        return sock
    context = ssl.create_default_context(cafile=ROOT / "certs" / "ca.crt")
    return context.wrap_socket(sock, server_hostname="localhost")  # returns after the handshake


def wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


class Flood(threading.Thread):
    """Send a request over and over, never reading, until a send fails."""

    def __init__(self, sock: socket.socket, request: bytes):
        super().__init__(daemon=True)
        self.sock, self.request, self.sent, self.error = sock, request, 0, None

    def run(self) -> None:
        self.sock.settimeout(None)  # block as long as the server does not read
        try:
            while self.sent < FLOOD_LIMIT:
                self.sock.sendall(self.request)
                self.sent += len(self.request)
        except OSError as exc:  # the server dropped the connection (ssl.SSLError included)
            self.error = exc

    def wait_until_blocked(self, timeout: float) -> bool:
        """True once no byte has gone out for STALLED seconds."""
        deadline, last, since = time.monotonic() + timeout, -1, time.monotonic()
        while time.monotonic() < deadline and self.is_alive():
            if self.sent != last:
                last, since = self.sent, time.monotonic()
            elif time.monotonic() - since >= STALLED:
                return True
            time.sleep(0.05)
        return False


@pytest.mark.parametrize("client_kind", ["idle", "flooding", "resetting"])
@pytest.mark.parametrize("script", SERVERS)
@pytest.mark.parametrize("version", sorted(PYTHONS), ids=lambda v: f"py{v[0]}.{v[1]}")
def test_ctrl_c_with_a_client_connected(version, script, client_kind):
    python, server_kind = PYTHONS[version], SERVERS[script]
    tls = server_kind.tls
    if tls:
        examples.load("tls/echo")  # makes the certificates if they are missing or expiring
    port: list[int] = []

    def watch(line: str) -> None:  # the runner's way of finding a group server's port
        if not port and (found := processes.PORT_LINE.search(line)):
            port.append(int(found.group(1)))

    stopped_after = end = flood = None
    with tempfile.TemporaryDirectory(prefix="guide-server-") as home:
        server = processes._start(python, script, [], True, home)
        output = processes._Reader(server.stdout, time.monotonic(), str, on_line=watch)
        output.start()
        try:
            assert wait_for(lambda: port, processes.READY_TIMEOUT), "the server printed no port"
            with connect(port[0], tls) as client:
                if server_kind.prints_connections:  # a line for a new connection: handler runs
                    assert wait_for(lambda: len(output.head) >= 2, 10), output.head
                else:
                    time.sleep(0.3)  # the server accepts the connection meanwhile
                if client_kind == "flooding":
                    flood = Flood(client, server_kind.request)
                    flood.start()
                    blocked = flood.wait_until_blocked(60)
                    assert blocked, f"the server kept reading: {flood.sent} bytes, {flood.error}"
                elif client_kind == "resetting":
                    client.sendall(server_kind.request)
                    answer = b""
                    while len(answer) < len(server_kind.answer):
                        answer += client.recv(len(server_kind.answer) - len(answer)) or b"EOF"
                    assert answer == server_kind.answer, answer
                    linger = struct.pack("ii", 1, 0)  # close() now sends RST, not FIN
                    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                    client.close()

                    def reported() -> bool:
                        return any("ConnectionResetError" in line for _, line in output.head)

                    assert wait_for(reported, 10), output.head
                ctrl_c = time.monotonic()
                os.killpg(server.pid, signal.SIGINT)
                try:
                    server.wait(timeout=STOP_WITHIN)
                    stopped_after = time.monotonic() - ctrl_c
                except subprocess.TimeoutExpired:
                    pass
                if client_kind == "resetting":
                    end = b""  # the client ended it itself
                elif flood:
                    flood.join(5)
                    end = b"" if flood.error else "nothing: the sends still go through"
                else:
                    client.settimeout(1)
                    try:
                        end = client.recv(100)  # b"": EOF (over TLS: also without close_notify)
                    except ConnectionResetError:
                        end = b""
                    except TimeoutError:
                        end = "nothing: the connection is still open"
        finally:
            processes._kill_group(server)
            output.join(5)
    lines = [line for _, line in [*output.head, *output.tail]]
    text = "\n".join(lines)
    if client_kind == "resetting":  # one line for the reset, then nothing else went wrong
        resets = [line for line in lines if "ConnectionResetError(" in line]
        assert len(resets) == 1, text
        text = text.replace(resets[0], "")
    assert stopped_after is not None, f"still running {STOP_WITHIN:g} s after Ctrl-C:\n{text}"
    assert server.returncode == 0, text
    for word in ("Traceback", "Exception", "Unhandled", "Error", "Warning"):
        assert word not in text, text
    assert end == b"", f"after the server exited, the {client_kind} client saw {end!r}"
