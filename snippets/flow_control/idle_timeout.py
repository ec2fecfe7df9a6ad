"""Two timeouts on a read loop: an idle timeout per read, a deadline for the whole exchange."""

import asyncio
import contextlib

IDLE = 0.25  # a peer that sends nothing for this long is dropped
DEADLINE = 0.6  # no exchange may last longer than this


async def handle(reader, writer):
    name = "?"
    try:
        async with asyncio.timeout(DEADLINE):
            while True:
                try:
                    async with asyncio.timeout(IDLE):  # a fresh timer for each read
                        line = await reader.readline()
                except TimeoutError:
                    print(f"server: {name} sent nothing for {IDLE} s, closing")
                    break
                if not line:  # EOF
                    break
                name = line.split()[0].decode()
                writer.write(b"ok\n")
                await writer.drain()
    except TimeoutError:  # the outer timeout: the deadline has passed
        print(f"server: {name} still connected after {DEADLINE} s, closing")
    except OSError as exc:
        print(f"server: {name}: {exc!r}")
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


async def silent_client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(b"silent hello\n")
        await writer.drain()
        await reader.read()  # the reply, then b"" when the server closes
        print("silent client: the server closed the connection")
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


async def trickle_client(port):
    # Sends a line every 0.1 s: never idle for long, but it never finishes either.
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while True:
            writer.write(b"trickle more\n")
            await writer.drain()
            if not await reader.readline():
                break
            await asyncio.sleep(0.1)
    except OSError:
        pass  # a write after the server closed: a reset is the same news as EOF
    finally:
        print("trickle client: the server closed the connection")
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


async def main():
    handlers = set()

    def start_handler(reader, writer):
        task = asyncio.create_task(handle(reader, writer))
        handlers.add(task)
        task.add_done_callback(handlers.discard)

    server = await asyncio.start_server(start_handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(f"server: idle timeout {IDLE} s, deadline {DEADLINE} s")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(silent_client(port))
            tg.create_task(trickle_client(port))
    finally:
        server.close()
        await asyncio.gather(*handlers, return_exceptions=True)
        await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
