"""loop.call_at() takes a deadline on the loop's own clock, loop.time()."""

import asyncio
import time


def callback(n, loop):
    print(f"callback {n} invoked at loop time {loop.time():.3f}")


async def main():
    loop = asyncio.get_running_loop()
    print(f"time.time():      {time.time():.3f}")
    print(f"time.monotonic(): {time.monotonic():.3f}")
    now = loop.time()
    print(f"loop.time():      {now:.3f}")

    print("registering callbacks")
    loop.call_at(now + 0.2, callback, 1, loop)
    loop.call_at(now + 0.1, callback, 2, loop)
    loop.call_soon(callback, 3, loop)
    await asyncio.sleep(0.3)


if __name__ == "__main__":
    asyncio.run(main())
