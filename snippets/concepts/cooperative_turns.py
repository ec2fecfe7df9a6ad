"""Tasks take turns: each runs until it awaits, then the next one runs."""

import asyncio


async def worker(name, steps):
    for step in range(1, steps + 1):
        print(f"{name}: step {step}")
        await asyncio.sleep(0)  # give control back to the event loop
    print(f"{name}: finished")


async def main():
    await asyncio.gather(worker("A", 3), worker("B", 2))


if __name__ == "__main__":
    asyncio.run(main())
