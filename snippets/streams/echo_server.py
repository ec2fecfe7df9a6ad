"""An echo server built on streams: asyncio.start_server()."""

import asyncio
import contextlib


async def handle_echo(reader, writer):
    host, port = writer.get_extra_info("peername")[:2]
    peer = f"{host}:{port}"
    print(f"{peer}: connection made")
    try:
        while data := await reader.read(100):  # b"" means EOF
            print(f"{peer}: received {data!r}")
            writer.write(data)
            await writer.drain()  # wait while the send buffer is too full
        print(f"{peer}: received EOF, closing")
    except OSError as exc:  # the connection failed: the client reset it, say
        print(f"{peer}: {exc!r}")
    except asyncio.CancelledError:  # the server is shutting down
        writer.transport.abort()  # drop the connection now, unsent data and all
        raise
    finally:
        writer.close()
        with contextlib.suppress(OSError):  # raised again after a failure
            await writer.wait_closed()


async def main():
    handlers = set()  # the task of every open connection

    def start_handler(reader, writer):
        # start_server() calls this for every connection it accepts.
        task = asyncio.create_task(handle_echo(reader, writer))
        handlers.add(task)
        task.add_done_callback(handlers.discard)

    server = await asyncio.start_server(start_handler, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    print(f"listening on {host}:{port}", flush=True)
    try:
        await asyncio.Event().wait()  # serve until Ctrl-C cancels main()
    finally:
        server.close()  # accept no new connections
        for task in handlers:
            task.cancel()
        await asyncio.gather(*handlers, return_exceptions=True)
        await server.wait_closed()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        # Ctrl-C: asyncio.run() cancelled main(), then raised this.
        print("server closed, exiting")
