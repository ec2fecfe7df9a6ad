import asyncio
import contextlib
import ssl
from pathlib import Path

CERTS = Path(__file__).resolve().parents[2] / "certs"


def tls_version(writer):
    tls = writer.get_extra_info("ssl_object")  # None on a plain connection
    return "plain" if tls is None else tls.version()


async def serve(reader, writer, context):
    try:
        writer.write(b"READY plain text, send STARTTLS\n")
        await writer.drain()
        if await reader.readline() != b"STARTTLS\n":
            return  # a real server answers with an error first
        writer.write(b"GO AHEAD\n")
        await writer.start_tls(context)  # sends GO AHEAD first, then the handshake
        print(f"server: upgraded, now {tls_version(writer)}")
        while line := await reader.readline():
            print(f"server: received {line!r} over {tls_version(writer)}")
            writer.write(line.upper())
            await writer.drain()
        print("server: client closed the connection")
    except (ssl.SSLError, ConnectionError) as exc:
        print(f"server: {type(exc).__name__}: {exc}")
    finally:
        writer.close()
        with contextlib.suppress(OSError):  # ssl.SSLError is an OSError
            await writer.wait_closed()


async def client(port, context):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        print(f"client: {tls_version(writer)}, server says {await reader.readline()!r}")
        writer.write(b"STARTTLS\n")
        await writer.drain()
        # Send nothing more until the answer: bytes sent now would travel in plain text.
        print(f"client: server says {await reader.readline()!r}")
        # open_connection() got no host name to check: name the one the certificate must carry.
        await writer.start_tls(context, server_hostname="localhost")
        cert = writer.get_extra_info("peercert")  # verified during the handshake
        subject = dict(field for rdn in cert["subject"] for field in rdn)
        print(f"client: upgraded, now {tls_version(writer)}, CN={subject['commonName']}")
        writer.write(b"secret\n")
        await writer.drain()
        print(f"client: got {await reader.readline()!r}")
    finally:
        writer.close()
        await writer.wait_closed()


async def main(server_context, client_context):
    handlers = set()

    def start_handler(reader, writer):
        task = asyncio.create_task(serve(reader, writer, server_context))
        handlers.add(task)
        task.add_done_callback(handlers.discard)

    server = await asyncio.start_server(start_handler, "127.0.0.1", 0)
    try:
        await client(server.sockets[0].getsockname()[1], client_context)
        await asyncio.gather(*handlers)
    finally:
        server.close()
        await server.wait_closed()


if __name__ == "__main__":
    # As in the TLS chapter: the server's certificate, and a client that trusts our CA.
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(CERTS / "localhost.crt", CERTS / "localhost.key")
    client_context = ssl.create_default_context(cafile=CERTS / "ca.crt")
    asyncio.run(main(server_context, client_context))
