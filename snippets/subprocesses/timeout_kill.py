"""Give a child a time limit: on timeout, kill it, then read its output to the end."""

import asyncio
import sys

# A runaway child: it never exits, and it floods its stdout.
CHILD = """
import sys
while True:
    sys.stdout.write("still working\\n" * 10_000)
"""


async def run_with_timeout(args, delay):
    """Run args and return (return code, stdout); kill the child after delay seconds."""
    proc = await asyncio.create_subprocess_exec(*args, stdout=asyncio.subprocess.PIPE)
    try:
        async with asyncio.timeout(delay):
            stdout, _ = await proc.communicate()
    except TimeoutError:
        print(f"still running after {delay} s: kill it")
        if proc.returncode is None:  # unless it has just exited by itself
            proc.kill()
        # communicate(), not wait(): it reads the pipe to its end, so it returns
        # even when the child left more output than asyncio buffers (128 KiB).
        # What the cancelled call had read is lost; stdout is only the rest.
        stdout, _ = await proc.communicate()
    return proc.returncode, stdout


async def main():
    returncode, _ = await run_with_timeout([sys.executable, "-c", CHILD], 0.2)
    print(f"return code {returncode}")


if __name__ == "__main__":
    asyncio.run(main())
