"""A loop that swallows CancelledError: timeouts and task groups can no longer stop it."""

import asyncio
import time


async def poll(name, rounds):
    for _ in range(rounds):
        try:
            await asyncio.sleep(0.1)  # stands for one request to a server
        except BaseException as exc:  # bug: also catches CancelledError
            print(f"{name}: ignored {type(exc).__name__}, polling on")
    print(f"{name}: finished all {rounds} rounds")


async def fail_soon():
    await asyncio.sleep(0.15)
    raise ValueError("sibling failed")


async def main():
    start = time.monotonic()
    try:
        async with asyncio.timeout(0.15):
            await poll("under timeout(0.15)", 4)
        print(f"no TimeoutError; the block ran {time.monotonic() - start:.2f} s")
    except TimeoutError:
        print("TimeoutError")

    start = time.monotonic()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(poll("in a task group", 4))
            tg.create_task(fail_soon())
    except* ValueError as eg:
        print(f"task group raised {eg.exceptions!r} after {time.monotonic() - start:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
