"""Testing a server: start it on port 0 in asyncSetUp, close it in a cleanup."""

import asyncio
import contextlib
import unittest


# The code under test (in a real project it lives in its own module).
async def handle_upper(reader, writer):
    """Send back every line in upper case until the client closes its side."""
    try:
        while line := await reader.readline():  # b"" means EOF
            writer.write(line.upper())
            await writer.drain()
    finally:
        writer.close()
        with contextlib.suppress(OSError):  # the client may have reset the connection
            await writer.wait_closed()


class UpperServerTest(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.server = await asyncio.start_server(handle_upper, "127.0.0.1", 0)
        self.addAsyncCleanup(self.close_server)
        self.port = self.server.sockets[0].getsockname()[1]  # the port the system picked

    async def close_server(self):
        self.server.close()
        await self.server.wait_closed()

    async def connect(self):
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        self.addAsyncCleanup(self.close_client, writer)  # runs before close_server
        return reader, writer

    async def close_client(self, writer):
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()

    async def test_eof_closes_connection(self):
        reader, writer = await self.connect()
        writer.write_eof()  # the client is done sending
        self.assertEqual(await reader.read(), b"")  # the server closed its side too

    async def test_one_line(self):
        reader, writer = await self.connect()
        writer.write(b"hello\n")
        await writer.drain()
        self.assertEqual(await reader.readline(), b"HELLO\n")

    async def test_two_clients(self):
        (reader1, writer1), (reader2, writer2) = await asyncio.gather(
            self.connect(), self.connect()
        )
        writer1.write(b"one\n")
        writer2.write(b"two\n")
        await asyncio.gather(writer1.drain(), writer2.drain())
        self.assertEqual(await reader2.readline(), b"TWO\n")
        self.assertEqual(await reader1.readline(), b"ONE\n")
