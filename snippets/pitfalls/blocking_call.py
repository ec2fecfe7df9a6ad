"""A blocking call in a coroutine stalls every other task."""

import asyncio
import logging
import time


async def fetch(name):
    time.sleep(0.2)  # bug: blocks the whole event loop (a blocking socket or file call does too)
    return name


async def main():
    start = time.monotonic()
    async with asyncio.TaskGroup() as tg:
        for name in ["a", "b", "c"]:
            tg.create_task(fetch(name), name=f"fetch-{name}")
    print(f"3 fetches of 0.2 s took {time.monotonic() - start:.1f} s")


if __name__ == "__main__":
    # Debug mode reports each step that holds the loop for 0.1 s or more.
    logging.basicConfig(format="%(levelname)s:%(name)s: %(message)s")
    asyncio.run(main(), debug=True)
