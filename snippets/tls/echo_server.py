import asyncio
import contextlib
import ssl
from pathlib import Path

CERTS = Path(__file__).resolve().parents[2] / "certs"
LINE_LIMIT = 1024  # the longest line readline() accepts; without limit=, 64 KiB


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
    except asyncio.CancelledError:  # the server is shutting down
        writer.transport.abort()  # no close_notify, no waiting for the client's
        raise
    finally:
        writer.close()
        with contextlib.suppress(OSError):  # raised again after a failure
            await writer.wait_closed()


def server_context():
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(CERTS / "localhost.crt", CERTS / "localhost.key")
    return context


async def main(context):
    handlers = set()  # the task of every open connection, as in the streams chapter

    def start_handler(reader, writer):
        task = asyncio.create_task(echo(reader, writer))
        handlers.add(task)
        task.add_done_callback(handlers.discard)

    server = await asyncio.start_server(
        start_handler, "127.0.0.1", 0, ssl=context, limit=LINE_LIMIT
    )
    host, port = server.sockets[0].getsockname()
    print(f"serving TLS on {host}:{port}", flush=True)
    try:
        await asyncio.Event().wait()  # serve until Ctrl-C cancels main()
    finally:
        server.close()
        for task in handlers:
            task.cancel()
        await asyncio.gather(*handlers, return_exceptions=True)
        await server.wait_closed()


if __name__ == "__main__":
    try:
        asyncio.run(main(server_context()))
    except KeyboardInterrupt:
        print("server stopped")
