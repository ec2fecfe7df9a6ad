"""Run a child with loop.subprocess_exec() and collect its output in a protocol."""

import asyncio
import subprocess
import sys

# The child prints a table (a header, then 5000 rows) and a note on stderr.
# About 120 KB: more than a pipe holds, so it arrives in more than one chunk.
CHILD = """
import sys
print("n square cube")
for n in range(1, 5001):
    print(n, n * n, n ** 3)
print("5000 rows written", file=sys.stderr)
"""


class TableProtocol(asyncio.SubprocessProtocol):
    FD_NAMES = ("stdin", "stdout", "stderr")

    def __init__(self, done):
        self.done = done
        self.output = {1: bytearray(), 2: bytearray()}

    def connection_made(self, transport):
        self.transport = transport
        print(f"child started, pid {transport.get_pid()}")

    def pipe_data_received(self, fd, data):
        # Called once per chunk; how the output is split varies from run to run.
        self.output[fd].extend(data)

    def pipe_connection_lost(self, fd, exc):
        print(f"{self.FD_NAMES[fd]} closed")

    def process_exited(self):
        # The child is gone, but some of its output may still be in the pipes:
        # too early to use self.output.
        print(f"process exited with code {self.transport.get_returncode()}")

    def connection_lost(self, exc):
        # Called once, after the process has exited AND every pipe is closed.
        print("connection_lost: all output received")
        if self.done.cancelled():  # main() stopped waiting (Ctrl-C, a timeout)
            return
        self.done.set_result(
            (
                self.transport.get_returncode(),
                self.output[1].decode(),
                self.output[2].decode(),
            )
        )


def parse_table(text):
    header, *rows = text.splitlines()
    names = header.split()
    return [dict(zip(names, row.split(), strict=True)) for row in rows]


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    transport, _ = await loop.subprocess_exec(
        lambda: TableProtocol(done),
        sys.executable,
        "-c",
        CHILD,
        stdin=subprocess.DEVNULL,
    )
    try:
        returncode, out, err = await done
    finally:
        transport.close()

    table = parse_table(out)
    print(f"return code {returncode}, {len(out)} bytes on stdout")
    print(f"stderr: {err.strip()}")
    print(f"{len(table)} rows; first and last:")
    print(table[0])
    print(table[-1])


if __name__ == "__main__":
    asyncio.run(main())
