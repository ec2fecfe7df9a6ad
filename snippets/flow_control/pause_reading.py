"""A protocol that stops reading while its own queue is full."""

import asyncio

HIGH = 8  # pause reading at this many queued messages...
LOW = 2  # ...and resume at this many
MESSAGES = 60


class QueueingProtocol(asyncio.Protocol):
    """Splits the byte stream into lines and queues them for a slower consumer."""

    def __init__(self, queue):
        self.queue = queue
        self.partial = b""
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        # data_received() cannot wait: whatever arrived must be stored now. All a
        # protocol can do is ask the transport to stop calling it for a while.
        *lines, self.partial = (self.partial + data).split(b"\n")
        for line in lines:
            self.queue.put_nowait(line)
        if self.queue.qsize() >= HIGH and self.transport.is_reading():
            print(f"queue at {self.queue.qsize():2} messages: pause_reading()")
            self.transport.pause_reading()

    def connection_lost(self, exc):
        self.queue.put_nowait(None)  # tell the consumer that no more is coming

    def consumed(self):
        # Called by the consumer after each message it takes from the queue.
        if self.queue.qsize() <= LOW and not self.transport.is_closing():
            if not self.transport.is_reading():
                print(f"queue at {self.queue.qsize():2} messages: resume_reading()")
                self.transport.resume_reading()


async def consume(queue, protocol):
    handled = []
    while (line := await queue.get()) is not None:
        await asyncio.sleep(0.002)  # slow work on each message
        handled.append(int(line))
        protocol.consumed()
    in_order = handled == list(range(MESSAGES))
    print(f"consumer: handled {len(handled)} messages, in order: {in_order}")


async def send(port):
    _, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for i in range(MESSAGES):
            writer.write(b"%d\n" % i)
            await writer.drain()  # waits while the server is not reading
    finally:
        writer.close()
        await writer.wait_closed()


async def main():
    loop = asyncio.get_running_loop()
    consumers = set()  # one consumer task per connection, so that main() can wait for them
    accepted = asyncio.Event()

    def factory():
        queue = asyncio.Queue()  # bounded by pause_reading(), not by maxsize: see the text
        protocol = QueueingProtocol(queue)
        task = asyncio.create_task(consume(queue, protocol))
        consumers.add(task)
        task.add_done_callback(consumers.discard)
        accepted.set()
        return protocol

    server = await loop.create_server(factory, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        await send(port)  # the consumer works while the client sends
        await accepted.wait()
        await asyncio.gather(*consumers)
    finally:
        server.close()
        for task in consumers:  # only if something failed
            task.cancel()
        await asyncio.gather(*consumers, return_exceptions=True)
        await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
