"""asyncio.to_thread(): run a blocking call in a thread while the loop keeps going."""

import asyncio
import threading
import time


def blocking_io(seconds):
    time.sleep(seconds)  # stands for a blocking library call
    return f"slept {seconds}s in thread {threading.current_thread().name}"


async def ticker():
    for i in range(3):
        print(f"tick {i}")
        await asyncio.sleep(0.1)


async def main():
    result, _ = await asyncio.gather(
        asyncio.to_thread(blocking_io, 0.35),
        ticker(),
    )
    print(result)


if __name__ == "__main__":
    asyncio.run(main())
