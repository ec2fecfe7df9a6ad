"""write() without drain(): nothing stops the write buffer from growing."""

import asyncio
import socket

CHUNK = 32 * 1024
WRITES = 8


async def count_bytes(reader, writer):
    total = 0
    try:
        while data := await reader.read(64 * 1024):
            total += len(data)
        print(f"reader: got {total} bytes, then EOF")
    finally:
        writer.close()
        await writer.wait_closed()


async def writer_without_drain(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 16 * 1024)
    transport = writer.transport
    _, high = transport.get_write_buffer_limits()  # (low, high)
    print(f"high-water mark: {high} bytes")
    try:
        for i in range(1, WRITES + 1):
            writer.write(b"x" * CHUNK)  # no drain(): the loop never gets to send
            print(f"write {i}: buffer {transport.get_write_buffer_size():6} bytes")
        await writer.drain()  # the first chance to wait: sends until at most low-water
        print(f"after one drain(): {transport.get_write_buffer_size()} bytes")
        writer.write_eof()
        await reader.read()  # b"" once the reader has read everything and closed
    finally:
        writer.close()
        await writer.wait_closed()


async def main():
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16 * 1024)
    readers = set()

    def start_reader(reader, writer):
        task = asyncio.create_task(count_bytes(reader, writer))
        readers.add(task)
        task.add_done_callback(readers.discard)

    server = await asyncio.start_server(start_reader, sock=listener)
    port = listener.getsockname()[1]
    try:
        await writer_without_drain(port)
        await asyncio.gather(*readers)
    finally:
        server.close()
        for task in readers:
            task.cancel()
        await asyncio.gather(*readers, return_exceptions=True)
        await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
