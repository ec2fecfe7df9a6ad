"""From a worker thread, run a coroutine on the event loop and wait for its result."""

import asyncio
import threading


async def lookup(key):
    # Runs in the event loop's thread, like any other coroutine.
    await asyncio.sleep(0.1)
    return f"value for {key}, computed in {threading.current_thread().name}"


def blocking_job(loop, keys):
    # Plain, blocking code in a worker thread. It cannot await, but it can hand a
    # coroutine to the loop and block on the concurrent.futures.Future it gets back.
    me = threading.current_thread().name
    results = []
    for key in keys:
        future = asyncio.run_coroutine_threadsafe(lookup(key), loop)
        results.append(f"{me} got {future.result(timeout=5)!r}")
    return results


async def main():
    loop = asyncio.get_running_loop()
    for line in await asyncio.to_thread(blocking_job, loop, ["a", "b"]):
        print(line)


if __name__ == "__main__":
    asyncio.run(main())
