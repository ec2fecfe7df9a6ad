import asyncio
import socket

# localhost always resolves; the public names need a working DNS server.
HOSTS = ["localhost", "python.org", "pymotw.com"]


async def lookup(host):
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(2):
            infos = await loop.getaddrinfo(host, 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        return [f"{host:11} cannot be resolved here: {exc.strerror}"]
    except TimeoutError:
        return [f"{host:11} no answer within 2 seconds"]
    return [
        f"{host:11} {family.name:9} {sockaddr[0]}"
        for family, _type, _proto, _canonname, sockaddr in infos
    ]


async def main():
    # The lookups run at the same time, each in a thread of the default executor.
    results = await asyncio.gather(*(lookup(host) for host in HOSTS))
    for lines in results:
        print(*lines, sep="\n")


if __name__ == "__main__":
    asyncio.run(main())
