from tests.checks import check


@check("transports/udp_request_reply.py")
def _(run):
    assert run.lines == [
        "server: b'1:hello'",
        "client: got b'HELLO'",
        # The first datagram is "lost": the client times out and sends it again.
        "server: lost b'2:lose me'",
        "client: no reply to b'2:lose me' (attempt 1)",
        "server: b'2:lose me'",
        "client: got b'LOSE ME'",
        "server: b'3:bye'",
        "client: got b'BYE'",
        # Too big for one datagram: sendto() does not raise, error_received() gets it.
        "client: error_received(OSError: Message too long)",
        "client: sendto() returned, 0 bytes buffered",
        # The server's socket is closed: the kernel answers, the connected socket reports it.
        "client: error_received(ConnectionRefusedError: Connection refused)",
        "client: request failed: ConnectionRefusedError",
    ]


@check("transports/unix_socket.py")
def _(run):
    # Python 3.13 removes the socket file when the server closes; 3.11 and 3.12 do not.
    left_behind = run.python < (3, 13)
    assert run.lines == [
        "server: listening on echo.sock, a socket file: True",
        "server: connection from ''",
        "client: got b'HELLO OVER A UNIX SOCKET\\n'",
        "server: client closed the connection",
        f"after wait_closed(): file still there: {left_behind}",
        "temporary directory removed: True",
    ]


@check("transports/starttls_upgrade.py")
def _(run):
    client = [line for line in run.lines if line.startswith("client: ")]
    server = [line for line in run.lines if line.startswith("server: ")]
    assert len(client) + len(server) == len(run.lines), run.lines
    version = client[2].split("now ")[1].split(",")[0]
    assert version in ("TLSv1.2", "TLSv1.3")
    assert client == [
        "client: plain, server says b'READY plain text, send STARTTLS\\n'",
        "client: server says b'GO AHEAD\\n'",
        f"client: upgraded, now {version}, CN=localhost",
        "client: got b'SECRET\\n'",
    ]
    assert server == [
        f"server: upgraded, now {version}",
        f"server: received b'secret\\n' over {version}",
        "server: client closed the connection",
    ]
    # The secret went over TLS only: the server read it after its own upgrade.
    assert run.lines.index(server[1]) < run.lines.index(client[3])
    if version == "TLSv1.3":
        # The client finishes a TLS 1.3 handshake first: the server is done only once it has
        # read the client's last handshake message, on a later turn of the event loop.
        assert run.lines.index(client[2]) < run.lines.index(server[0])


@check("transports/sock_methods.py")
def _(run):
    lines = run.lines
    server = [line for line in lines if line.startswith("server: ")]
    client = [line for line in lines if line.startswith("client: ")]
    assert server == [
        "server: accepted, timeout 0.0 (non-blocking)",
        "server: received 1000000 bytes, then EOF",
    ]
    assert client == ["client: sent 1000000 bytes", "client: got b'got 1000000 bytes'"]
    # The reply comes after the server saw everything and the EOF.
    assert lines.index(server[1]) < lines.index(client[1])
    assert lines[4:] == [
        "udp: sent 4 bytes, received b'ping', from a: True",
        "blocking socket: ValueError: the socket must be non-blocking",
    ]
