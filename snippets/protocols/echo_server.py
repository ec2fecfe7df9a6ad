"""An echo server built on asyncio.Protocol and loop.create_server()."""

import asyncio


class EchoServerProtocol(asyncio.Protocol):
    # One instance per connection; the loop calls these methods.

    def __init__(self, connections, stopping):
        self.connections = connections  # the protocols of all open connections
        self.stopping = stopping  # set once the server shuts down
        self.closed = asyncio.get_running_loop().create_future()

    def connection_made(self, transport):
        self.transport = transport
        self.connections.add(self)
        host, port = transport.get_extra_info("peername")[:2]
        self.peer = f"{host}:{port}"
        print(f"{self.peer}: connection made")
        if self.stopping.is_set():  # accepted just before server.close(): drop it
            transport.abort()

    def data_received(self, data):
        print(f"{self.peer}: received {data!r}")
        self.transport.write(data)  # send it straight back

    def pause_writing(self):
        # The transport's send buffer has grown past its high-water mark: the client
        # reads slower than it sends. Read no more from it until the buffer drains.
        self.transport.pause_reading()

    def resume_writing(self):
        self.transport.resume_reading()

    def eof_received(self):
        print(f"{self.peer}: received EOF")
        # Returning a false value tells the transport to close itself
        # (after sending anything still queued).

    def connection_lost(self, exc):
        self.connections.discard(self)
        self.closed.set_result(None)
        if exc is None:
            print(f"{self.peer}: connection closed")
        else:
            print(f"{self.peer}: connection lost: {exc!r}")


async def main():
    loop = asyncio.get_running_loop()
    connections = set()
    stopping = asyncio.Event()
    server = await loop.create_server(
        lambda: EchoServerProtocol(connections, stopping), "127.0.0.1", 0
    )
    host, port = server.sockets[0].getsockname()[:2]
    print(f"listening on {host}:{port}", flush=True)
    try:
        await asyncio.Event().wait()  # serve until Ctrl-C cancels main()
    finally:
        stopping.set()
        server.close()  # accept no new connections
        for protocol in connections:
            protocol.transport.abort()  # drop it now, unsent data and all
        await asyncio.gather(*(protocol.closed for protocol in connections))
        await server.wait_closed()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        # Ctrl-C: asyncio.run() cancelled main(), then raised this.
        print("server closed, exiting")
