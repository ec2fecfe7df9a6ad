"""An echo server built on asyncio.Protocol and loop.create_server()."""

import asyncio


class EchoServerProtocol(asyncio.Protocol):
    # One instance per connection; the loop calls these methods.

    def connection_made(self, transport):
        self.transport = transport
        host, port = transport.get_extra_info("peername")[:2]
        self.peer = f"{host}:{port}"
        print(f"{self.peer}: connection made")

    def data_received(self, data):
        print(f"{self.peer}: received {data!r}")
        self.transport.write(data)  # send it straight back

    def eof_received(self):
        print(f"{self.peer}: received EOF")
        # Returning a false value tells the transport to close itself
        # (after sending anything still queued).

    def connection_lost(self, exc):
        if exc is None:
            print(f"{self.peer}: connection closed")
        else:
            print(f"{self.peer}: connection lost: {exc!r}")


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(EchoServerProtocol, "127.0.0.1", 0)
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
