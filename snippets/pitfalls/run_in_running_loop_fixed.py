"""The fix: await the coroutine, or call the synchronous wrapper from a thread."""

import asyncio
import threading


async def build_report():
    await asyncio.sleep(0.1)  # stands for queries to a database
    return f"report from {threading.current_thread().name}"


def get_report():
    # A synchronous wrapper, as some libraries offer: fine from synchronous code.
    return asyncio.run(build_report())


async def main():
    # In a coroutine, await the coroutine itself: it runs on this event loop.
    print(await build_report())
    # A wrapper you cannot change: run it in a thread, where it starts its own loop.
    print(await asyncio.to_thread(get_report))


if __name__ == "__main__":
    asyncio.run(main())
