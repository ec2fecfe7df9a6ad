"""Python 3.13+: Server.abort_clients() drops the connections left after the deadline."""

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


async def shut_down(server):
    server.close()  # stop accepting
    print("server: stopped accepting")
    try:
        async with asyncio.timeout(DEADLINE):
            await server.wait_closed()  # until every connection has closed
    except TimeoutError:
        print("server: deadline passed, aborting the remaining connections")
        server.abort_clients()  # the handlers themselves go on running
        await server.wait_closed()
    print("server: closed")


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
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
        await shut_down(server)
        await asyncio.gather(*clients)
    print("main: returning")


if __name__ == "__main__":
    asyncio.run(main())
