import datetime
import re

from tests.checks import check


@check("tls/show_certificate.py")
def _(run):
    lines = run.lines
    text = "\n".join(lines)
    # make.log: why it was made, each command line, and what openssl printed.
    assert re.fullmatch(r"# Made by engine/certs\.py on .+ UTC: .+\.", lines[0])
    log = lines[: lines.index("localhost.crt: OK") + 1]  # the strict check, when they were made
    printed = {}  # each command of the log: what it printed
    for line in log[1:]:
        if line.startswith("$ openssl "):
            command = line
            printed[command] = []
        elif not line.startswith("# "):
            printed[command].append(line)
    commands = list(printed)
    # In order: the CA's key and self-signed certificate, the server's key, request, signature,
    # then the check.
    assert [c.split()[2] for c in commands] == [
        "genpkey",
        "req",
        "genpkey",
        "req",
        "x509",
        "verify",
    ]
    assert commands[0].startswith("$ openssl genpkey -algorithm EC ")
    assert (
        commands[1].startswith("$ openssl req -new -x509 ") and "-extensions ca_ext" in commands[1]
    )
    assert (
        commands[4].startswith("$ openssl x509 -req ") and "-extensions server_ext" in commands[4]
    )
    assert commands[5].startswith("$ openssl verify -x509_strict ")
    # Only the signing step prints anything (the request's signature, the subject); then the check.
    assert [bool(printed[c]) for c in commands] == [False] * 4 + [True, True]
    assert "subject=CN = localhost" in printed[commands[4]]
    assert printed[commands[5]] == ["localhost.crt: OK"]
    # The certificate's fields, as `openssl x509` reads them.
    assert "subject=CN = localhost" in lines
    assert "issuer=CN = asyncio guide test CA" in lines
    # Valid for a year from when it was made.
    dates = {
        line.split("=", 1)[0]: datetime.datetime.strptime(
            line.split("=", 1)[1], "%b %d %H:%M:%S %Y %Z"
        )
        for line in lines
        if line.startswith(("notBefore=", "notAfter="))
    }
    assert dates["notAfter"] - dates["notBefore"] == datetime.timedelta(days=365)
    assert "X509v3 Subject Alternative Name:" in text
    assert "    DNS:localhost, IP Address:127.0.0.1" in lines
    assert "X509v3 Basic Constraints: critical" in lines and "    CA:FALSE" in lines
    assert "    Digital Signature" in lines and "    TLS Web Server Authentication" in lines
    # Fresh for at least 30 more days: engine/certs.py made sure of it before the run.
    assert lines[-2:] == [
        "$ openssl x509 -in localhost.crt -noout -checkend 2592000",
        "Certificate will not expire",
    ]


@check("tls/echo")
def _(run):
    server = run.procs["echo_server.py"]
    client = run.procs["echo_client.py"]
    assert server.returncode == 0 and client.returncode == 0
    message = "b'This is the message. It will be sent in parts.\\n'"

    # The client verified the certificate, for the name "localhost", against our CA.
    assert client.lines == [
        "verify_mode=CERT_REQUIRED check_hostname=True",
        "server certificate: CN=localhost",
        "subjectAltName: DNS:localhost, IP Address:127.0.0.1",
        "sending b'This is the message. '",
        "sending b'It will be sent '",
        "sending b'in parts.\\n'",
        "can_write_eof(): False",
        f"received {message}",
        "closed",
    ]

    # The server got the three writes as one line, echoed it, saw the client close, and
    # stopped cleanly on Ctrl-C.
    lines = server.lines
    assert re.fullmatch(r"serving TLS on 127\.0\.0\.1:\d+", lines[0])
    assert re.fullmatch(r"client connected over TLSv1\.[23]", lines[1])
    assert lines[2:] == [
        f"received {message}",
        "client closed the connection",
        "server stopped",
    ]


@check("tls/hostname_verification.py")
def _(run):
    assert run.lines == [
        "connecting as 'localhost'",
        "  client: accepted, read b'hello over TLS\\n'",
        "  server: handshake done, greeting sent",
        "connecting as '127.0.0.1'",
        "  client: accepted, read b'hello over TLS\\n'",
        "  server: handshake done, greeting sent",
        "connecting as 'example.com'",
        "  client: rejected: Hostname mismatch, certificate is not valid for 'example.com'."
        " (code 62)",
        "  server: handshake failed: ConnectionResetError",
        "connecting as 'localhost'",
        "  client: rejected: unable to get local issuer certificate (code 20)",
        "  server: handshake failed: ConnectionResetError",
        # The same rejection by a client that sends the TLS alert: now the server knows why.
        "connecting as 'localhost' (blocking ssl socket)",
        "  client: rejected: unable to get local issuer certificate (code 20)",
        "  server: handshake failed: SSLError TLSV1_ALERT_UNKNOWN_CA",
    ]
