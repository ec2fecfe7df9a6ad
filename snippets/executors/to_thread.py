"""asyncio.to_thread(): run a blocking call in a thread while the loop keeps going."""

import asyncio
import threading
import time


def blocking_io(seconds):
    time.sleep(seconds)  # stands for a blocking library call
    return f"slept {seconds} s in thread {threading.current_thread().name}"


async def ticker(start):
    for i in range(3):
        print(f"{time.monotonic() - start:.2f} s: tick {i}")
        await asyncio.sleep(0.1)


async def main():
    start = time.monotonic()
    result, _ = await asyncio.gather(
        asyncio.to_thread(blocking_io, 0.35),
        ticker(start),
    )
    print(f"{time.monotonic() - start:.2f} s: {result}")


if __name__ == "__main__":
    asyncio.run(main())
