"""A fast writer against a slow reader: drain() waits while the write buffer is too full."""

import asyncio
import socket

CHUNK = 32 * 1024  # bytes per write()
WRITES = 12
READ_SIZE = 16 * 1024  # the slow reader takes this much...
READ_PAUSE = 0.01  # ...then sleeps this long


async def slow_reader(reader, writer):
    total = 0
    try:
        while data := await reader.read(READ_SIZE):
            total += len(data)
            await asyncio.sleep(READ_PAUSE)  # a slow consumer
        print(f"reader: got {total} bytes, then EOF")
    finally:
        writer.close()
        await writer.wait_closed()


async def fast_writer(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 16 * 1024)
    transport = writer.transport
    low, high = transport.get_write_buffer_limits()  # note the order: (low, high)
    print(f"write buffer limits: low={low} high={high}")
    try:
        for i in range(1, WRITES + 1):
            writer.write(b"x" * CHUNK)
            before = transport.get_write_buffer_size()
            await writer.drain()
            after = transport.get_write_buffer_size()
            print(f"write {i:2}: buffer {before:6} bytes before drain(), {after:6} after")
        writer.write_eof()
        await reader.read()  # b"" once the reader has read everything and closed
    finally:
        writer.close()
        await writer.wait_closed()


async def main():
    # Small kernel buffers, so that the kernel cannot absorb everything and the
    # transport's own buffer (the one drain() watches) fills up quickly.
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16 * 1024)
    readers = set()  # the server's handler tasks, so that main() can wait for them

    def start_reader(reader, writer):
        task = asyncio.create_task(slow_reader(reader, writer))
        readers.add(task)
        task.add_done_callback(readers.discard)

    server = await asyncio.start_server(start_reader, sock=listener)
    port = listener.getsockname()[1]
    try:
        await fast_writer(port)
        await asyncio.gather(*readers)
    finally:
        server.close()
        for task in readers:  # only if something failed: stop the reader too
            task.cancel()
        await asyncio.gather(*readers, return_exceptions=True)
        await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
