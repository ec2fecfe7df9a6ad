import asyncio
import socket

PAYLOAD = b"x" * 1_000_000


async def serve_one(listener):
    loop = asyncio.get_running_loop()
    conn, _ = await loop.sock_accept(listener)
    with conn:  # sock_accept() returns the new socket non-blocking already
        print(f"server: accepted, timeout {conn.gettimeout()} (non-blocking)")
        buffer = bytearray(64 * 1024)  # one buffer, reused for every read
        total = 0
        while n := await loop.sock_recv_into(conn, buffer):  # 0 means EOF
            total += n
        print(f"server: received {total} bytes, then EOF")
        await loop.sock_sendall(conn, b"got %d bytes" % total)


async def tcp():
    loop = asyncio.get_running_loop()
    with (
        socket.socket() as listener,
        socket.socket() as client,
    ):
        for sock in listener, client:
            sock.setblocking(False)  # the sock_* methods need non-blocking sockets
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        server = asyncio.create_task(serve_one(listener))
        await loop.sock_connect(client, listener.getsockname())
        await loop.sock_sendall(client, PAYLOAD)  # waits while the buffers are full
        print(f"client: sent {len(PAYLOAD)} bytes")
        client.shutdown(socket.SHUT_WR)  # EOF for the server
        print(f"client: got {await loop.sock_recv(client, 100)!r}")
        await server


async def udp():
    loop = asyncio.get_running_loop()
    with (
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as a,
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as b,
    ):
        for sock in a, b:
            sock.setblocking(False)
            sock.bind(("127.0.0.1", 0))
        sent = await loop.sock_sendto(a, b"ping", b.getsockname())  # Python 3.11+
        data, address = await loop.sock_recvfrom(b, 1024)  # Python 3.11+
        print(f"udp: sent {sent} bytes, received {data!r}, from a: {address == a.getsockname()}")


async def blocking_socket():
    loop = asyncio.get_running_loop()
    left, right = socket.socketpair()  # blocking, as every new socket is
    with left, right:
        debug = loop.get_debug()
        loop.set_debug(True)  # only debug mode checks the socket
        try:
            await loop.sock_recv(left, 100)  # outside debug mode: freezes the loop
        except ValueError as exc:
            print(f"blocking socket: ValueError: {exc}")
        finally:
            loop.set_debug(debug)


async def main():
    await tcp()
    await udp()
    await blocking_socket()


if __name__ == "__main__":
    asyncio.run(main())
