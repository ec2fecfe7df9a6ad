import asyncio
import socket

NUMERIC = socket.NI_NUMERICHOST | socket.NI_NUMERICSERV
NO_NAME = ("192.0.2.1", 443)  # an address reserved for documentation (RFC 5737)


async def round_trip(loop, sockaddr):
    address = sockaddr[0]
    # Address -> name: the reverse of getaddrinfo().
    host, service = await loop.getnameinfo(sockaddr)
    print(f"{address} port 443 -> host {host!r}, service {service!r}")
    # These flags ask for numbers instead: no lookup at all.
    print(f"  with NI_NUMERICHOST|NI_NUMERICSERV: {await loop.getnameinfo(sockaddr, NUMERIC)}")
    # And back again: does the name lead to the same address?
    infos = await loop.getaddrinfo(host, 443, proto=socket.IPPROTO_TCP)
    found = address in {info[4][0] for info in infos}
    print(f"  {host!r} resolves back to {address}: {found}")


async def main():
    loop = asyncio.get_running_loop()
    for *_, sockaddr in await loop.getaddrinfo("localhost", 443, proto=socket.IPPROTO_TCP):
        await round_trip(loop, sockaddr)

    # An address that has no name: getnameinfo() falls back to the number,
    # unless NI_NAMEREQD says that a name is required.
    for flags, label in [(0, "no flags"), (socket.NI_NAMEREQD, "NI_NAMEREQD")]:
        try:
            async with asyncio.timeout(2):
                result = await loop.getnameinfo(NO_NAME, flags)
        except socket.gaierror as exc:
            result = f"gaierror: {exc.strerror}"
        except TimeoutError:
            result = "no answer within 2 seconds"
        print(f"{NO_NAME[0]} port 443, {label}: {result}")


if __name__ == "__main__":
    asyncio.run(main())
