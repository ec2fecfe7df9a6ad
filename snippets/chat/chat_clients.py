"""Six chat users, each on its own connection: three talk, one never reads, one says
nothing, and one sends a line that is too long."""

import asyncio
import contextlib
import socket
import sys
import time

NEWS = 400  # lines alice sends: far more than the slow user's connection can hold
BATCH = 10  # lines alice sends before she waits for bob and carol to read them
FILLER = "." * 900


class User:
    def __init__(self, name):
        self.name = name
        self.inbox = asyncio.Queue(2 * NEWS)  # filled by the reading task
        self.tasks = []
        self.news, self.other = 0, []  # for bob and carol while alice sends her news

    async def join(self, port, *, reads=True, keepalive=True):
        if reads:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", port)
        else:  # small buffers: the server notices sooner that this user never reads
            sock = socket.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.setblocking(False)
            try:
                await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", port))
            except BaseException:
                sock.close()
                raise
            # limit=1024: its transport stops reading the socket at 2 KiB (the default, 128 KiB)
            self.reader, self.writer = await asyncio.open_connection(sock=sock, limit=1024)
        await self.say(self.name)
        print(f"{self.name} got: {(await self.reader.readline()).decode().rstrip()}")
        if reads:
            self.tasks.append(asyncio.create_task(self.read_lines()))
        if keepalive:
            self.tasks.append(asyncio.create_task(self.keep_alive()))

    async def read_lines(self):
        while line := await self.reader.readline():
            await self.inbox.put(line.decode().rstrip())
        await self.inbox.put(None)  # EOF

    async def keep_alive(self):
        with contextlib.suppress(OSError):
            while True:
                await asyncio.sleep(0.1)
                await self.say("")  # an empty line: the server resets its idle timer

    async def say(self, text):
        self.writer.write(text.encode() + b"\n")
        await self.writer.drain()

    async def show(self, count=1):
        """Print the next `count` lines this user received."""
        for _ in range(count):
            line = await self.inbox.get()
            print(f"{self.name} got: {'end of stream' if line is None else line}")

    async def leave(self):
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        self.writer.close()
        with contextlib.suppress(OSError):
            await self.writer.wait_closed()


async def everyone_shows(users, count=1):
    for user in users:
        await user.show(count)


async def read_news(user, count):
    """Take `count` of alice's news lines from the inbox; keep any other line for later."""
    while count:
        line = await user.inbox.get()
        if line.startswith("alice: news"):
            count -= 1
            user.news += 1
        else:
            user.other.append(line)


async def main(port):
    alice, bob, carol = talkers = [User("alice"), User("bob"), User("carol")]
    for user in talkers:  # one after another: each sees the joins that follow its own
        await user.join(port)
    await alice.show(2)
    await bob.show()

    await alice.say("hi, everyone")
    await everyone_shows([bob, carol])
    await bob.say("hello, alice")
    await everyone_shows([alice, carol])

    # slowpoke never reads: once its queue on the server is full, the server drops it.
    slowpoke = User("slowpoke")
    await slowpoke.join(port, reads=False)
    await everyone_shows(talkers)
    for number in range(NEWS):
        await alice.say(f"news {number} {FILLER}")
        if number % BATCH == BATCH - 1:  # a pause until bob and carol have it all
            await asyncio.gather(read_news(bob, BATCH), read_news(carol, BATCH))
    for user in [bob, carol]:
        if not user.other:  # the announcement can also come after the last news line
            user.other.append(await user.inbox.get())
        print(f"{user.name} got {user.news} news lines from alice, and: {'; '.join(user.other)}")
    await alice.show()
    await carol.say("still here")
    await everyone_shows([alice, bob])
    with contextlib.suppress(OSError):
        await slowpoke.reader.read()  # what was under way when it was dropped, then EOF
    print("slowpoke: disconnected by the server")
    await slowpoke.leave()

    # rambler sends a line longer than the server's limit.
    rambler = User("rambler")
    await rambler.join(port)
    await everyone_shows(talkers)
    await rambler.say("x" * 1500)
    await rambler.show(2)  # the server's reason, then EOF (None)
    await everyone_shows(talkers)
    await rambler.leave()

    # sleeper joins and says nothing, not even a keepalive.
    sleeper = User("sleeper")
    started = time.monotonic()
    await sleeper.join(port, keepalive=False)
    await everyone_shows(talkers)
    await sleeper.show(2)
    print(f"sleeper: disconnected after {time.monotonic() - started:.1f} s")
    await everyone_shows(talkers)
    await sleeper.leave()

    for number, user in enumerate(talkers):  # alice leaves, then bob, then carol
        await user.leave()
        await everyone_shows(talkers[number + 1 :])


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
