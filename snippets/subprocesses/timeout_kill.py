"""Give a child a time limit: on timeout, kill it, then read its output to the end."""

import asyncio
import sys

# A runaway child: it never exits, and it floods its stdout.
CHILD = """
import sys
while True:
    sys.stdout.write("still working\\n" * 10_000)
"""


async def run_with_timeout(args, timeout):
    """Run args and return its stdout; after timeout seconds, kill it, raise TimeoutError."""
    proc = await asyncio.create_subprocess_exec(*args, stdout=asyncio.subprocess.PIPE)
    try:
        async with asyncio.timeout(timeout):
            stdout, _ = await proc.communicate()
    except BaseException:  # the timeout, a cancellation (Ctrl-C) or an error
        if proc.returncode is None:  # unless it has just exited by itself
            proc.kill()
        # communicate(), not wait(): it reads the pipe to its end, so it returns
        # even when the child left more output than asyncio buffers (128 KiB).
        await proc.communicate()
        print(f"child stopped, return code {proc.returncode}")
        raise
    return stdout


async def main():
    try:
        await run_with_timeout([sys.executable, "-c", CHILD], timeout=0.2)
    except TimeoutError:
        print("timed out after 0.2 s")


if __name__ == "__main__":
    asyncio.run(main())
