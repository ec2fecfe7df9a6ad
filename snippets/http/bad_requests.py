"""The server's limits: malformed, oversized, slow and idle requests."""

import asyncio
import sys
import time

HEADERS = "Host: 127.0.0.1\r\n"
CASES = [  # (what it is, the bytes sent)
    ("not HTTP", "HELLO\r\n\r\n"),
    ("no Host header", "GET /page/1 HTTP/1.1\r\n\r\n"),
    ("HTTP/2.0", f"GET /page/1 HTTP/2.0\r\n{HEADERS}\r\n"),
    ("40 headers", f"GET /page/1 HTTP/1.1\r\n{HEADERS}" + "X-N: 1\r\n" * 40 + "\r\n"),
    ("9 KiB header", f"GET /page/1 HTTP/1.1\r\n{HEADERS}X-Big: {'x' * 9216}\r\n\r\n"),
    ("9 KiB target", f"GET /page/1?q={'x' * 9216} HTTP/1.1\r\n{HEADERS}\r\n"),
    ("a POST", f"POST /page/1 HTTP/1.1\r\n{HEADERS}Content-Length: 2\r\n\r\nhi"),
    ("head never ends", f"GET /page/1 HTTP/1.1\r\n{HEADERS}"),
    ("nothing sent", ""),
]


async def try_request(port, data):
    """What the server answers to data: its status line, or "EOF"; and the seconds it took."""
    start = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(data.encode("latin-1"))
        await writer.drain()
        response = await reader.read()  # every answer here closes the connection: read to EOF
    finally:
        writer.close()
        await writer.wait_closed()
    first_line = response.split(b"\r\n", 1)[0].decode("latin-1") or "EOF, no response"
    return first_line, time.perf_counter() - start


async def main(port):
    for name, data in CASES:
        answer, elapsed = await try_request(port, data)
        print(f"{name}: {answer} after {elapsed:.2f} s")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
