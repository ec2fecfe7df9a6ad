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
    finally:
        writer.close()
        with contextlib.suppress(OSError):  # raised again after a failure
            await writer.wait_closed()


async def main():
    handlers = {}  # every open connection: its handler's task and its writer
    stopping = asyncio.Event()

    def start_handler(reader, writer):
        # start_server() calls this for every connection it accepts.
        if stopping.is_set():  # accepted just before server.close(): drop it
            writer.transport.abort()
            return
        task = asyncio.create_task(handle_echo(reader, writer))
        handlers[task] = writer
        task.add_done_callback(handlers.pop)

    server = await asyncio.start_server(start_handler, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    print(f"listening on {host}:{port}", flush=True)
    try:
        await asyncio.Event().wait()  # serve until Ctrl-C cancels main()
    finally:
        stopping.set()
        server.close()  # accept no new connections
        for task, writer in handlers.items():
            writer.transport.abort()  # drop the connection, unsent data and all
            task.cancel()  # a handler cancelled before it starts never runs its finally
        await asyncio.gather(*handlers, return_exceptions=True)
        await server.wait_closed()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        # Ctrl-C: asyncio.run() cancelled main(), then raised this.
        print("server closed, exiting")
