"""A request that outlives the shutdown deadline: its connection is aborted."""

import asyncio
import contextlib
import os
import signal

DEADLINE = 0.5  # seconds that requests in progress get to finish


async def handle(reader, writer):
    name = "?"
    try:
        name, seconds = (await reader.readline()).decode().split()
        print(f"server: working on {name!r} for {seconds} s")
        writer.write(b"working\n")
        await asyncio.sleep(float(seconds))  # stands for the real work
        writer.write(f"done: {name}\n".encode())
        await writer.drain()
        print(f"server: answered {name!r}")
    except asyncio.CancelledError:
        print(f"server: {name!r} cancelled")
        raise
    except OSError as exc:  # the client went away
        print(f"server: {exc!r}")
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


async def client(port, request, working):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    name = request.split()[0]
    try:
        writer.write(f"{request}\n".encode())
        await writer.drain()
        await reader.readline()  # b"working\n"
        working.set()
        reply = await reader.readline()  # b"" if the connection closed first
        print(f"client {name}: {reply.decode().strip() or 'closed without a reply'}")
    except ConnectionResetError:
        print(f"client {name}: connection reset")
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


async def shut_down(server, handlers):
    server.close()  # stop accepting
    print(f"server: stopped accepting, {len(handlers)} request(s) in progress")
    tasks = set(handlers)
    if tasks:
        _, pending = await asyncio.wait(tasks, timeout=DEADLINE)
        if pending:
            print(f"server: deadline passed, aborting {len(pending)} connection(s)")
        for task in pending:  # too late: drop the connection, stop the handler
            handlers[task].transport.abort()
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
    await server.wait_closed()
    print("server: closed")


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    handlers = {}  # each connection's handler task and its writer

    def start_handler(reader, writer):
        if stop.is_set():  # accepted just before server.close(): drop it
            writer.transport.abort()
            return
        task = asyncio.create_task(handle(reader, writer))
        handlers[task] = writer
        task.add_done_callback(handlers.pop)

    server = await asyncio.start_server(start_handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(f"server: listening on 127.0.0.1:{port}")
    working = {name: asyncio.Event() for name in ("quick", "slow")}
    clients = [
        asyncio.create_task(client(port, "quick 0.2", working["quick"])),
        asyncio.create_task(client(port, "slow 3.0", working["slow"])),
    ]
    try:
        for event in working.values():  # both requests are in progress
            await event.wait()
        os.kill(os.getpid(), signal.SIGTERM)
        await stop.wait()
        print("server: got SIGTERM")
    finally:
        loop.remove_signal_handler(signal.SIGTERM)
        await shut_down(server, handlers)
        await asyncio.gather(*clients)


if __name__ == "__main__":
    asyncio.run(main())
