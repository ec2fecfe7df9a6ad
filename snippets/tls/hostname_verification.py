import asyncio
import contextlib
import socket
import ssl
from pathlib import Path

CERTS = Path(__file__).resolve().parents[2] / "certs"


async def greet(reader, writer, context, reports):
    # Accept plain TCP, then run the TLS handshake here: a failed handshake becomes an
    # exception in our own code instead of vanishing inside the server.
    try:
        await writer.start_tls(context)
        writer.write(b"hello over TLS\n")
        await writer.drain()
        reports.put_nowait("handshake done, greeting sent")
    except ssl.SSLError as exc:  # the client sent an alert that says why
        reports.put_nowait(f"handshake failed: {type(exc).__name__} {exc.reason}")
    except ConnectionError as exc:  # the client closed the connection without a word
        reports.put_nowait(f"handshake failed: {type(exc).__name__}")
    finally:
        writer.close()
        with contextlib.suppress(ssl.SSLError, ConnectionError):  # the same error again
            await writer.wait_closed()


async def read_greeting(port, context, server_hostname):
    reader, writer = await asyncio.open_connection(
        "127.0.0.1", port, ssl=context, server_hostname=server_hostname
    )
    try:
        return await reader.readline()
    finally:
        writer.close()
        await writer.wait_closed()


def read_greeting_blocking(port, context, server_hostname):
    # The same with the ssl module's blocking sockets; asyncio.to_thread() runs it.
    with socket.create_connection(("127.0.0.1", port)) as sock:
        with context.wrap_socket(sock, server_hostname=server_hostname) as tls:
            return tls.recv(100)


async def connect(port, context, server_hostname, reports, blocking=False):
    print(f"connecting as {server_hostname!r}" + (" (blocking ssl socket)" if blocking else ""))
    try:
        if blocking:
            greeting = await asyncio.to_thread(
                read_greeting_blocking, port, context, server_hostname
            )
        else:
            greeting = await read_greeting(port, context, server_hostname)
    except ssl.SSLCertVerificationError as exc:
        print(f"  client: rejected: {exc.verify_message} (code {exc.verify_code})")
    else:
        print(f"  client: accepted, read {greeting!r}")
    print(f"  server: {await reports.get()}")


async def main(server_context, trusting, system_only):
    reports = asyncio.Queue()
    server = await asyncio.start_server(
        lambda r, w: greet(r, w, server_context, reports), "127.0.0.1", 0
    )
    port = server.sockets[0].getsockname()[1]
    async with server:
        await connect(port, trusting, "localhost", reports)  # DNS:localhost in the SAN
        await connect(port, trusting, "127.0.0.1", reports)  # IP:127.0.0.1 in the SAN
        await connect(port, trusting, "example.com", reports)  # not in the certificate
        await connect(port, system_only, "localhost", reports)  # does not trust our CA
        await connect(port, system_only, "localhost", reports, blocking=True)


if __name__ == "__main__":
    # Contexts read files (the system's store holds 100+ CAs): make them before the loop runs.
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(CERTS / "localhost.crt", CERTS / "localhost.key")
    trusting = ssl.create_default_context(cafile=CERTS / "ca.crt")
    system_only = ssl.create_default_context()
    asyncio.run(main(server_context, trusting, system_only))
