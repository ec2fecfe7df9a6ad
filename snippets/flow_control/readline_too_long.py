"""readline() past the reader's limit: ValueError, and what is left of the line afterwards."""

import asyncio

LIMIT = 16  # a tiny limit, to keep the lines short


async def handle(reader, writer):
    # The naive way: report the ValueError and carry on reading lines.
    try:
        while True:
            try:
                line = await reader.readline()
            except ValueError as exc:
                writer.write(f"{type(exc).__name__}: {exc}\n".encode())
            else:
                if not line:  # EOF
                    break
                writer.write(b"line: " + line)
            await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()


async def client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)

    async def send(data, replies=1):
        print(f"sent {data!r}")
        writer.write(data)
        await writer.drain()
        for _ in range(replies):  # wait for the answer before sending more
            print("  " + (await reader.readline()).decode().rstrip())

    try:
        await send(b"x" * 30 + b"\nnext\n", replies=2)  # the newline is already there
        await send(b"y" * 40)  # a long line whose newline has not arrived yet...
        await send(b"tail\n")  # ...and its end
        writer.write_eof()
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
