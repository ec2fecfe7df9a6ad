"""time.sleep() blocks the event loop: no other task runs meanwhile."""

import asyncio
import time


async def ticker():
    for n in range(1, 4):
        await asyncio.sleep(0.1)
        print(f"tick {n}")


async def worker():
    print("worker: waiting 0.25 s with time.sleep()")
    time.sleep(0.25)  # blocks the thread, and with it the event loop
    print("worker: done")


async def main():
    # Debug mode (python -X dev) logs every step slower than 0.1 s.
    # This one is slow on purpose, so raise the limit for this demo.
    asyncio.get_running_loop().slow_callback_duration = 1.0
    await asyncio.gather(ticker(), worker())


if __name__ == "__main__":
    asyncio.run(main())
