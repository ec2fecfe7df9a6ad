"""A line longer than the reader's limit: readuntil() leaves it in the buffer, so skip it."""

import asyncio

LIMIT = 32  # the reader's limit (64 KiB unless start_server() is given limit=)


async def read_line(reader):
    """Return the next line, or None if it was longer than the limit (it is skipped)."""
    try:
        return await reader.readuntil(b"\n")
    except asyncio.LimitOverrunError as exc:
        # The bytes are still in the reader's buffer: drop them up to the newline.
        # exc.consumed bytes have been searched and hold no newline (or end just before it).
        await reader.readexactly(exc.consumed)
        while True:
            try:
                await reader.readuntil(b"\n")  # the rest of the line, newline included
                return None
            except asyncio.LimitOverrunError as more:
                await reader.readexactly(more.consumed)


async def handle(reader, writer):
    try:
        while True:
            try:
                line = await read_line(reader)
            except asyncio.IncompleteReadError:  # EOF (a last line without newline is dropped)
                break
            if line is None:
                writer.write(b"error: line too long, skipped\n")
            else:
                writer.write(b"ok: " + line)
            await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()


async def client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(b"hello\n" + b"x" * 100 + b"\n")  # a long line, all at once
        writer.write(b"y" * 100)  # a long line in two parts:
        await writer.drain()
        await asyncio.sleep(0.05)  # the server probably sees the first part alone
        writer.write(b"y" * 100 + b"\nbye\n")
        writer.write_eof()
        while reply := await reader.readline():
            print(reply.decode().rstrip())
    finally:
        writer.close()
        await writer.wait_closed()


async def main():
    handlers = set()

    def start_handler(reader, writer):
        task = asyncio.create_task(handle(reader, writer))
        handlers.add(task)
        task.add_done_callback(handlers.discard)

    server = await asyncio.start_server(start_handler, "127.0.0.1", 0, limit=LIMIT)
    port = server.sockets[0].getsockname()[1]
    try:
        await client(port)
    finally:
        server.close()
        await asyncio.gather(*handlers, return_exceptions=True)
        await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
