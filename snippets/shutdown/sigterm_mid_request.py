"""On SIGTERM a server stops accepting, lets the request in progress finish, then exits."""

import asyncio
import contextlib
import os
import signal

DEADLINE = 2.0  # seconds that requests in progress get to finish


async def handle(reader, writer):
    try:
        request = (await reader.readline()).decode().strip()
        print(f"server: working on {request!r}")
        writer.write(b"working\n")
        await asyncio.sleep(0.3)  # stands for the real work
        writer.write(f"done: {request}\n".encode())
        await writer.drain()
        print(f"server: answered {request!r}")
    except OSError as exc:  # the client went away
        print(f"server: {exc!r}")
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


async def client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(b"report\n")
        await writer.drain()
        print(f"client: server says {(await reader.readline()).decode().strip()!r}")
        print("client: sending SIGTERM")  # as `kill <pid>` would
        os.kill(os.getpid(), signal.SIGTERM)
        print(f"client: server says {(await reader.readline()).decode().strip()!r}")
    finally:
        writer.close()
        await writer.wait_closed()
    try:  # a second connection, now that the server has stopped listening
        _, writer = await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError:
        print("client: new connection refused")
    else:
        writer.close()
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
    client_task = asyncio.create_task(client(port))
    try:
        await stop.wait()  # Ctrl-C cancels this wait instead
        print("server: got SIGTERM")
    finally:
        loop.remove_signal_handler(signal.SIGTERM)
        await shut_down(server, handlers)
        await client_task


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:  # Ctrl-C: the same shutdown ran, then asyncio.run() raised this
        print("server: stopped by Ctrl-C")
