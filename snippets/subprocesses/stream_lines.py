"""Read a child's output line by line with create_subprocess_exec()."""

import asyncio
import sys
import time

# The child prints three words, pausing 0.2 s before each one.
CHILD = """
import time
for word in ["alpha", "beta", "gamma"]:
    time.sleep(0.2)
    print(word, flush=True)
"""


async def main():
    start = time.monotonic()
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CHILD,
        stdout=asyncio.subprocess.PIPE,
    )
    print(f"{time.monotonic() - start:.2f} s: child started")

    lines = []
    # Read until end of file: the child has closed its stdout.
    while line := await proc.stdout.readline():
        print(f"{time.monotonic() - start:.2f} s: read {line!r}")
        lines.append(line.decode().rstrip())
    print(f"{time.monotonic() - start:.2f} s: end of output")

    # Only now wait for the exit: all output has been read.
    returncode = await proc.wait()
    print(f"{time.monotonic() - start:.2f} s: return code {returncode}")
    print(f"collected {lines}")


if __name__ == "__main__":
    asyncio.run(main())
