"""From a worker thread, run coroutines on the event loop and wait for their results."""

import asyncio
import threading


async def lookup(key, seconds):
    # Runs in the event loop's thread, like any other coroutine.
    try:
        await asyncio.sleep(seconds)  # stands for a query to some asynchronous service
    except asyncio.CancelledError:
        print(f"lookup({key!r}) cancelled in {threading.current_thread().name}")
        raise
    return f"value for {key}, computed in {threading.current_thread().name}"


def blocking_job(loop, requests):
    # Plain, blocking code in a worker thread. It cannot await, but it can hand a
    # coroutine to the loop and block on the concurrent.futures.Future it gets back.
    me = threading.current_thread().name
    for key, seconds in requests:
        future = asyncio.run_coroutine_threadsafe(lookup(key, seconds), loop)
        try:
            print(f"{me} got {future.result(timeout=1)!r}")
        except TimeoutError:
            # Giving up on the result does not stop the coroutine: cancel it.
            print(f"{me} gave up on {key!r} after 1 s")
            future.cancel()


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.to_thread(blocking_job, loop, [("a", 0.1), ("b", 60)])


if __name__ == "__main__":
    asyncio.run(main())
