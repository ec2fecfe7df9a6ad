"""The fix: let CancelledError through (clean up, then re-raise)."""

import asyncio
import time


async def poll(name, rounds):
    for _ in range(rounds):
        try:
            await asyncio.sleep(0.1)  # stands for one request to a server
        except asyncio.CancelledError:
            print(f"{name}: cancelled, stopping")
            raise  # cleanup goes before this; never drop the exception
        except Exception as exc:  # CancelledError is not an Exception
            print(f"{name}: {exc!r}, polling on")
    print(f"{name}: finished all {rounds} rounds")


async def fail_soon():
    await asyncio.sleep(0.15)
    raise ValueError("sibling failed")


async def main():
    start = time.monotonic()
    try:
        async with asyncio.timeout(0.15):
            await poll("under timeout(0.15)", 4)
    except TimeoutError:
        print(f"TimeoutError after {time.monotonic() - start:.2f} s")

    start = time.monotonic()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(poll("in a task group", 4))
            tg.create_task(fail_soon())
    except* ValueError as eg:
        print(f"task group raised {eg.exceptions!r} after {time.monotonic() - start:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
