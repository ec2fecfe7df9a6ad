"""Run several children at the same time and gather their results."""

import asyncio
import sys

# Each child sleeps for the given time, then prints it.
CHILD = "import sys, time; time.sleep(float(sys.argv[1])); print(sys.argv[1])"


async def run(delay):
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        CHILD,
        str(delay),
        stdout=asyncio.subprocess.PIPE,
    )
    print(f"started child sleeping {delay}s")
    stdout, _ = await proc.communicate()
    print(f"child sleeping {delay}s done")
    return stdout.decode().strip()


async def main():
    results = await asyncio.gather(run(0.3), run(0.1), run(0.2))
    print(f"results in call order: {results}")


if __name__ == "__main__":
    asyncio.run(main())
