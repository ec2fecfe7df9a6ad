import asyncio
import ssl
from pathlib import Path

CERTS = Path(__file__).resolve().parents[2] / "certs"


async def echo(reader, writer):
    tls = writer.get_extra_info("ssl_object")
    print(f"client connected over {tls.version()}")
    # One message is one line: readline() waits until the newline has arrived.
    while line := await reader.readline():
        print(f"received {line!r}")
        writer.write(line)
        await writer.drain()
    print("client closed the connection")
    writer.close()
    await writer.wait_closed()


def server_context():
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(CERTS / "localhost.crt", CERTS / "localhost.key")
    return context


async def main(context):
    server = await asyncio.start_server(echo, "127.0.0.1", 0, ssl=context)
    host, port = server.sockets[0].getsockname()
    print(f"serving TLS on {host}:{port}")
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main(server_context()))
    except KeyboardInterrupt:
        print("server stopped")
