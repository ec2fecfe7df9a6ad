"""Send data to a child's stdin and read its answer with communicate()."""

import asyncio
import sys

# The child reads all of stdin and writes it back in capitals.
CHILD = "import sys; sys.stdout.write(sys.stdin.read().upper())"

MESSAGE = "This message will be converted\nto all caps.\n"


async def to_upper(text):
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CHILD,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    print("child started")
    # Writes the input, closes stdin, reads stdout to the end, waits for the exit.
    stdout, stderr = await proc.communicate(text.encode())
    print(f"return code {proc.returncode}")
    print(f"stderr was not captured: {stderr!r}")
    return stdout.decode()


async def main():
    result = await to_upper(MESSAGE)
    print(f"original: {MESSAGE!r}")
    print(f"changed:  {result!r}")


if __name__ == "__main__":
    asyncio.run(main())
