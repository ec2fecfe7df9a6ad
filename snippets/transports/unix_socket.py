import asyncio
import contextlib
import tempfile
from pathlib import Path


async def handle(reader, writer):
    # A Unix socket client has no address unless it binds one: peername is ''.
    print(f"server: connection from {writer.get_extra_info('peername')!r}")
    try:
        while line := await reader.readline():
            writer.write(line.upper())
            await writer.drain()
        print("server: client closed the connection")
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


async def main(path):
    handlers = set()

    def start_handler(reader, writer):
        task = asyncio.create_task(handle(reader, writer))
        handlers.add(task)
        task.add_done_callback(handlers.discard)

    server = await asyncio.start_unix_server(start_handler, path)
    print(f"server: listening on {path.name}, a socket file: {path.is_socket()}")
    try:
        reader, writer = await asyncio.open_unix_connection(path)
        try:
            writer.write(b"hello over a unix socket\n")
            await writer.drain()
            print(f"client: got {await reader.readline()!r}")
        finally:
            writer.close()
            await writer.wait_closed()
        await asyncio.gather(*handlers)  # the handler saw EOF and returned
    finally:
        server.close()
        await server.wait_closed()
    # Python 3.13 removes the file when the server closes; 3.11 and 3.12 leave it.
    print(f"after wait_closed(): file still there: {path.exists()}")
    path.unlink(missing_ok=True)


if __name__ == "__main__":
    # A short, private directory: a socket path has a length limit (107 bytes on Linux).
    with tempfile.TemporaryDirectory() as directory:
        asyncio.run(main(Path(directory) / "echo.sock"))
    print(f"temporary directory removed: {not Path(directory).exists()}")
