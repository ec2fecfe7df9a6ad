"""ssl_handshake_timeout: give up on a server that never answers the TLS handshake."""

import asyncio
import ssl
import time
from pathlib import Path

CERTS = Path(__file__).resolve().parents[2] / "certs"


async def say_nothing(reader, writer):
    # A TCP server that accepts the connection but never speaks TLS.
    try:
        await reader.read()  # wait for the client to go away
    finally:
        writer.close()
        await writer.wait_closed()


async def main():
    handlers = set()

    def start_handler(reader, writer):
        task = asyncio.create_task(say_nothing(reader, writer))
        handlers.add(task)
        task.add_done_callback(handlers.discard)

    server = await asyncio.start_server(start_handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    context = ssl.create_default_context(cafile=CERTS / "ca.crt")  # the guide's own CA
    started = time.monotonic()
    try:
        await asyncio.open_connection(
            "127.0.0.1", port, ssl=context, server_hostname="localhost", ssl_handshake_timeout=0.3
        )
    except ConnectionAbortedError as exc:
        print(f"after {time.monotonic() - started:.1f} s: {type(exc).__name__}: {exc}")
    finally:
        server.close()
        await asyncio.gather(*handlers, return_exceptions=True)
        await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
