"""An echo client built on asyncio.Protocol and loop.create_connection()."""

import asyncio
import sys

MESSAGES = [b"This message ", b"is sent ", b"in three parts."]


class EchoClientProtocol(asyncio.Protocol):
    def __init__(self, messages, finished):
        self.messages = messages
        self.finished = finished  # a Future that main() awaits
        self.received = bytearray()

    def connection_made(self, transport):
        host, port = transport.get_extra_info("peername")[:2]
        print(f"connected to {host}:{port}")
        for message in self.messages:
            transport.write(message)
            print(f"sent {message!r}")
        transport.write_eof()  # no more data from this side
        print("sent EOF")

    def data_received(self, data):
        print(f"received {data!r}")
        self.received += data

    def eof_received(self):
        print("received EOF")
        # A false return value closes the transport;
        # the loop then calls connection_lost().

    def connection_lost(self, exc):
        if self.finished.done():
            return
        if exc is None:
            self.finished.set_result(bytes(self.received))
        else:
            self.finished.set_exception(exc)


async def main(port):
    loop = asyncio.get_running_loop()
    finished = loop.create_future()
    transport, _ = await loop.create_connection(
        lambda: EchoClientProtocol(MESSAGES, finished), "127.0.0.1", port
    )
    try:
        echoed = await finished
    finally:
        transport.close()
    print(f"echoed {echoed!r}")
    print(f"same bytes as sent: {echoed == b''.join(MESSAGES)}")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
