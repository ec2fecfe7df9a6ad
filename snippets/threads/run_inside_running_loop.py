"""asyncio.run() refuses to run inside a running event loop; what to do instead."""

import asyncio
import threading


async def fetch():
    await asyncio.sleep(0.1)  # stands for a request to a server
    return f"fetched in {threading.current_thread().name}"


def fetch_sync():
    # A synchronous wrapper, as some libraries offer: fine from synchronous code.
    return asyncio.run(fetch())


async def main():
    coro = fetch()
    try:
        asyncio.run(coro)  # what a notebook cell or a sync wrapper ends up doing
    except RuntimeError as exc:
        print(f"RuntimeError: {exc}")
        coro.close()  # asyncio.run() never started it
    # In a coroutine, await the coroutine itself.
    print(f"await fetch(): {await fetch()}")
    # A synchronous API you cannot change: call it in a thread, with its own loop.
    print(f"to_thread(fetch_sync): {await asyncio.to_thread(fetch_sync)}")


if __name__ == "__main__":
    print(f"fetch_sync() from synchronous code: {fetch_sync()}")
    asyncio.run(main())
