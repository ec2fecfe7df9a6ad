import asyncio
import contextlib
import ssl
import sys
from pathlib import Path

CERTS = Path(__file__).resolve().parents[2] / "certs"
LINE_LIMIT = 1024  # bytes before the newline that readline() accepts; without limit=, 64 KiB


async def echo(reader, writer):
    tls = writer.get_extra_info("ssl_object")
    print(f"client connected over {tls.version()}")
    try:
        # One message is one line: readline() waits until the newline has arrived.
        while line := await reader.readline():
            print(f"received {line!r}")
            writer.write(line)
            await writer.drain()
        print("client closed the connection")
    except ValueError:  # a line longer than LINE_LIMIT: readline() dropped it
        print("line too long, closing the connection")
    except OSError as exc:  # the connection failed: a reset, a TLS error (ssl.SSLError)
        print(f"connection lost: {exc!r}")
    finally:
        writer.close()
        with contextlib.suppress(OSError):  # raised again after a failure
            await writer.wait_closed()


def server_context():
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(CERTS / "localhost.crt", CERTS / "localhost.key")
    return context


async def main(context):
    handlers = {}  # every open connection: its handler's task and its writer
    stopping = asyncio.Event()

    def start_handler(reader, writer):  # as in the streams chapter
        if stopping.is_set():
            writer.transport.abort()
            return
        task = asyncio.create_task(echo(reader, writer))
        handlers[task] = writer
        task.add_done_callback(handlers.pop)

    server = await asyncio.start_server(
        start_handler, "127.0.0.1", 0, ssl=context, limit=LINE_LIMIT
    )
    host, port = server.sockets[0].getsockname()
    print(f"serving TLS on {host}:{port}", flush=True)
    try:
        await asyncio.Event().wait()  # serve until Ctrl-C cancels main()
    finally:
        stopping.set()
        server.close()
        if sys.version_info >= (3, 13):
            server.abort_clients()  # also connections still in their TLS handshake
        for task, writer in handlers.items():
            writer.transport.abort()  # no close_notify, no waiting for the client's
            task.cancel()
        await asyncio.gather(*handlers, return_exceptions=True)
        await server.wait_closed()


if __name__ == "__main__":
    try:
        asyncio.run(main(server_context()))
    except KeyboardInterrupt:
        print("server stopped")
