"""The fix for a blocking call: an asyncio equivalent, or a thread."""

import asyncio
import time


def read_config():
    time.sleep(0.2)  # stands for a blocking library call you cannot change
    return "config"


async def fetch(name):
    await asyncio.sleep(0.2)  # the asyncio equivalent gives the loop back
    return name


async def main():
    start = time.monotonic()
    async with asyncio.TaskGroup() as tg:
        for name in ["a", "b", "c"]:
            tg.create_task(fetch(name), name=f"fetch-{name}")
        config = tg.create_task(asyncio.to_thread(read_config))  # runs in a thread
    print(f"3 fetches and {config.result()!r} took {time.monotonic() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
