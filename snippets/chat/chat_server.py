"""A chat server on asyncio streams: every line a client sends goes to all the others."""

import asyncio
import contextlib
import socket
import sys

LINE_LIMIT = 1024  # bytes in a line before its newline: the StreamReader's limit
IDLE_LIMIT = 0.5  # seconds a client may stay silent; an empty line counts as a keepalive
QUEUE_SIZE = 16  # lines waiting for one client; one more and that client is too slow
FLUSH_LIMIT = 1.0  # seconds to deliver the last lines (a goodbye) before closing
WRITE_BUFFER = 16 * 1024  # bytes the transport may hold for one client before drain() waits
SEND_BUFFER = 16 * 1024  # bytes the kernel may hold for one client (SO_SNDBUF)


class LineTooLong(Exception):
    pass


async def read_line(reader):
    """The next line without its newline, or None at EOF; TimeoutError if the client is idle."""
    async with asyncio.timeout(IDLE_LIMIT):
        try:
            line = await reader.readline()
        except ValueError:  # longer than the reader's limit
            raise LineTooLong from None
    if not line.endswith(b"\n"):  # EOF (an unfinished last line is dropped)
        return None
    return line.rstrip(b"\r\n").decode(errors="replace")


class Client:
    """One connection's outgoing side: a bounded queue and the task that empties it."""

    def __init__(self, name, writer):
        self.name = name
        self.writer = writer
        self.outbox = asyncio.Queue(QUEUE_SIZE)
        self.too_slow = False
        self.sender = asyncio.create_task(self.send_lines())

    def send(self, text):
        """Queue a line for this client. Never waits: a client that falls behind is dropped."""
        if self.too_slow:
            return
        try:
            self.outbox.put_nowait(text.encode() + b"\n")
        except asyncio.QueueFull:
            self.too_slow = True
            print(f"{self.name}: {QUEUE_SIZE} lines waiting, disconnecting")
            self.writer.transport.abort()  # drop what is buffered; its handler sees EOF

    async def send_lines(self):
        """Write the queued lines one by one; drain() waits while this client is slow."""
        try:
            while (line := await self.outbox.get()) is not None:
                self.writer.write(line)
                await self.writer.drain()
        except OSError:  # the connection failed or was aborted: its handler will notice
            pass

    async def close(self):
        """Deliver what is queued, within FLUSH_LIMIT, then close the connection."""
        try:
            self.outbox.put_nowait(None)  # "close after the lines already queued"
            async with asyncio.timeout(FLUSH_LIMIT):
                await self.sender
                self.writer.close()
                await self.writer.wait_closed()
        except (asyncio.QueueFull, TimeoutError, OSError):
            self.sender.cancel()
            self.writer.transport.abort()  # it does not read: drop what is left
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()


class ChatRoom:
    def __init__(self):
        self.clients = {}  # name -> Client: everyone who has joined
        self.handlers = {}  # every connection's handler task -> its writer
        self.stopping = False

    def broadcast(self, text, *, sender=None):
        for client in list(self.clients.values()):
            if client is not sender:
                client.send(text)

    def start_handler(self, reader, writer):
        # start_server() calls this for every connection it accepts.
        if self.stopping:  # accepted just before server.close(): drop it
            writer.transport.abort()
            return
        writer.transport.set_write_buffer_limits(high=WRITE_BUFFER)
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
        task = asyncio.create_task(self.handle(reader, writer))
        self.handlers[task] = writer
        task.add_done_callback(self.handlers.pop)

    async def handle(self, reader, writer):
        client = None
        try:
            name = await read_line(reader)  # the first line is the client's name
            if not name or name in self.clients:
                writer.write(b"* that name is empty or taken\n")
                return
            client = Client(name, writer)
            others = ", ".join(self.clients) or "nobody"
            self.clients[name] = client
            print(f"{name} joined")
            client.send(f"* welcome {name}; here: {others}")
            self.broadcast(f"* {name} joined", sender=client)
            while (text := await read_line(reader)) is not None:
                if text:  # an empty line only keeps the connection alive
                    self.broadcast(f"{name}: {text}", sender=client)
                    await asyncio.sleep(0)  # let the senders write it before the next line
            reason = "too slow" if client.too_slow else None
        except TimeoutError:
            reason = f"idle for {IDLE_LIMIT} s"
        except LineTooLong:
            reason = f"line longer than {LINE_LIMIT} bytes"
        except OSError as exc:  # reset by the client, say
            reason = repr(exc)
        except asyncio.CancelledError:  # the server is shutting down
            if client:
                client.send("* server shutting down, goodbye")
            raise
        finally:
            if client is None:  # it never joined
                writer.close()
                with contextlib.suppress(OSError):
                    await writer.wait_closed()
            else:
                del self.clients[client.name]
                if not self.stopping:
                    left = f"{client.name} left" + (f" ({reason})" if reason else "")
                    print(left)
                    if reason:
                        client.send(f"* {reason}, goodbye")
                    self.broadcast(f"* {left}")
                await client.close()


async def main():
    room = ChatRoom()
    server = await asyncio.start_server(room.start_handler, "127.0.0.1", 0, limit=LINE_LIMIT)
    host, port = server.sockets[0].getsockname()[:2]
    print(f"listening on {host}:{port}", flush=True)
    try:
        await asyncio.Event().wait()  # serve until Ctrl-C cancels main()
    finally:
        room.stopping = True
        server.close()  # accept no new connections
        print(f"shutting down, {len(room.clients)} client(s) connected")
        for task in room.handlers:
            task.cancel()  # each handler says goodbye and closes its connection
        writers = list(room.handlers.values())
        await asyncio.gather(*room.handlers, return_exceptions=True)
        for writer in writers:
            writer.transport.abort()  # a handler cancelled before it started: no finally
        await server.wait_closed()


if __name__ == "__main__":
    if len(sys.argv) > 1:  # python3 chat_server.py 5: an idle limit of 5 s
        IDLE_LIMIT = float(sys.argv[1])
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        print("server closed, exiting")
