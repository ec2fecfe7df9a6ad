"""An echo client built on streams: asyncio.open_connection()."""

import asyncio
import sys

MESSAGES = [b"This message ", b"is sent ", b"in three parts."]


async def main(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print(f"connected to 127.0.0.1:{port}")
    for message in MESSAGES:
        writer.write(message)
        print(f"sent {message!r}")
    await writer.drain()
    writer.write_eof()  # no more data from this side
    print("sent EOF")

    echoed = await reader.read()  # no size: read until the server's EOF
    print(f"received {echoed!r}")
    writer.close()
    await writer.wait_closed()
    print(f"same bytes as sent: {echoed == b''.join(MESSAGES)}")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
