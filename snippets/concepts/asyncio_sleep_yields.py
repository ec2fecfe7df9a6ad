"""await asyncio.sleep() lets the other tasks run while this one waits."""

import asyncio


async def ticker():
    for n in range(1, 4):
        await asyncio.sleep(0.1)
        print(f"tick {n}")


async def worker():
    print("worker: waiting 0.25 s with asyncio.sleep()")
    await asyncio.sleep(0.25)  # suspends only this task
    print("worker: done")


async def main():
    await asyncio.gather(ticker(), worker())


if __name__ == "__main__":
    asyncio.run(main())
