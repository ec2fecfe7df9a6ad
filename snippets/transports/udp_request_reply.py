import asyncio

TIMEOUT = 0.2  # seconds to wait for a reply before sending the request again
ATTEMPTS = 3


class Closing(asyncio.DatagramProtocol):
    # A datagram transport has no wait_closed(): connection_lost() says it is closed.
    def __init__(self):
        self.closed = asyncio.get_running_loop().create_future()

    def connection_lost(self, exc):
        self.closed.set_result(None)


class UpperServer(Closing):
    def __init__(self):
        super().__init__()
        self.lost_one = False

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        if data.endswith(b"lose me") and not self.lost_one:
            self.lost_one = True  # pretend the network lost it, once
            print(f"server: lost {data!r}")
            return
        print(f"server: {data!r}")
        self.transport.sendto(data.upper(), addr)  # to whoever sent it


class Client(Closing):
    def __init__(self):
        super().__init__()
        self.waiting = {}  # request id -> the Future its reply resolves
        self.last_id = 0

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        request_id, _, payload = data.partition(b":")
        future = self.waiting.get(int(request_id)) if request_id.isdigit() else None
        if future is None or future.done():
            print(f"client: ignored {data!r} (late, duplicate or malformed)")
        else:
            future.set_result(payload)

    def error_received(self, exc):
        # An earlier sendto() failed, or (connected socket) the peer's port is closed.
        print(f"client: error_received({type(exc).__name__}: {exc.strerror})")
        for future in self.waiting.values():
            if not future.done():
                future.set_exception(exc)

    async def request(self, payload):
        self.last_id += 1
        request_id = self.last_id  # other requests may run meanwhile and change last_id
        message = b"%d:%s" % (request_id, payload)
        loop = asyncio.get_running_loop()
        try:
            for attempt in range(1, ATTEMPTS + 1):
                self.waiting[request_id] = future = loop.create_future()
                self.transport.sendto(message)  # never blocks, never waits
                try:
                    async with asyncio.timeout(TIMEOUT):
                        return await future
                except TimeoutError:
                    print(f"client: no reply to {message!r} (attempt {attempt})")
            raise TimeoutError(f"no reply after {ATTEMPTS} attempts")
        finally:
            self.waiting.pop(request_id, None)


async def main():
    loop = asyncio.get_running_loop()
    server, server_protocol = await loop.create_datagram_endpoint(
        UpperServer, local_addr=("127.0.0.1", 0)
    )
    address = server.get_extra_info("sockname")
    # remote_addr= connects the socket: sendto() needs no address, and only
    # datagrams from that address arrive.
    transport, client = await loop.create_datagram_endpoint(Client, remote_addr=address)
    try:
        for payload in [b"hello", b"lose me", b"bye"]:
            print(f"client: got {await client.request(payload)!r}")

        # More than one UDP datagram can carry: sendto() does not raise, it hands
        # the error to error_received().
        transport.sendto(b"x" * 70_000)
        print(f"client: sendto() returned, {transport.get_write_buffer_size()} bytes buffered")

        server.close()
        await server_protocol.closed  # now nobody listens on that port
        try:
            await client.request(b"anyone there?")
        except OSError as exc:
            print(f"client: request failed: {type(exc).__name__}")
    finally:
        transport.close()
        server.close()  # does nothing if already closed
        await asyncio.gather(client.closed, server_protocol.closed)


if __name__ == "__main__":
    asyncio.run(main())
