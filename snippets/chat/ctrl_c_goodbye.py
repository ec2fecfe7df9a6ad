"""Ctrl-C with clients still connected: the chat server says goodbye to each, then exits 0."""

import asyncio
import signal
import sys
from pathlib import Path

SERVER = Path(__file__).with_name("chat_server.py")


async def join(port, name):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(name.encode() + b"\n")
    await writer.drain()
    await reader.readline()  # the welcome
    return reader, writer


async def main():
    # The server, run as this script is run (with -X dev and -W, if given), idle limit 5 s.
    options = ["-X", "dev"] if sys.flags.dev_mode else []
    options += [f"-W{action}" for action in sys.warnoptions]
    server = await asyncio.create_subprocess_exec(
        sys.executable, *options, SERVER, "5", stdout=asyncio.subprocess.PIPE
    )
    first = (await server.stdout.readline()).decode().rstrip()
    port = int(first.rpartition(":")[2])
    users = {name: await join(port, name) for name in ["alice", "bob"]}
    print("both joined; pressing Ctrl-C for the server")
    server.send_signal(signal.SIGINT)
    for name, (reader, writer) in users.items():
        while line := await reader.readline():  # up to the server's EOF
            print(f"{name} got: {line.decode().rstrip()}")
        print(f"{name} got: end of stream")
        writer.close()
        await writer.wait_closed()
    output = await server.stdout.read()
    print(f"server exited with code {await server.wait()}; its output:")
    print(first)
    print(output.decode(), end="")


if __name__ == "__main__":
    asyncio.run(main())
