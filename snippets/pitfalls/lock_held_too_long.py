"""A lock held across a slow await: every other task waits for the slow part too."""

import asyncio
import time


async def fetch_price(item):
    await asyncio.sleep(0.2)  # stands for a request to a slow server
    return len(item)


async def save(prices):
    await asyncio.sleep(0.01)  # stands for writing the prices to a shared file


async def update(item, prices, lock, start):
    async with lock:  # bug: held for the whole request
        prices[item] = await fetch_price(item)
        await save(prices)
        print(f"{item}: updated at {time.monotonic() - start:.2f} s")


async def main():
    prices, lock = {}, asyncio.Lock()
    start = time.monotonic()
    async with asyncio.TaskGroup() as tg:
        for item in ["apple", "kiwi", "plum"]:
            tg.create_task(update(item, prices, lock, start))
    print(f"3 updates took {time.monotonic() - start:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
