"""An echo server built on streams: asyncio.start_server()."""

import asyncio


async def handle_echo(reader, writer):
    # start_server() runs this in a new task for every connection.
    host, port = writer.get_extra_info("peername")[:2]
    peer = f"{host}:{port}"
    print(f"{peer}: connection made")
    while data := await reader.read(100):  # b"" means EOF
        print(f"{peer}: received {data!r}")
        writer.write(data)
        await writer.drain()  # wait while the send buffer is too full
    print(f"{peer}: received EOF, closing")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    print(f"listening on {host}:{port}", flush=True)
    async with server:  # closes the server however the block ends
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        # Ctrl-C: asyncio.run() cancelled main(), then raised this.
        print("server closed, exiting")
