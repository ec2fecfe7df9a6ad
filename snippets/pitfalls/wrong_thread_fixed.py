"""The fix: hand work to the loop with call_soon_threadsafe() or run_coroutine_threadsafe()."""

import asyncio
import threading
import time


async def lookup(key):
    await asyncio.sleep(0.05)  # stands for asynchronous work on the loop
    return key.upper()


def worker(loop, start, done):
    time.sleep(0.1)  # the thread's own work
    loop.call_soon_threadsafe(done, time.monotonic() - start)  # wakes the loop
    future = asyncio.run_coroutine_threadsafe(lookup("abc"), loop)
    print(f"worker: lookup returned {future.result(timeout=5)!r}")  # blocks this thread only


async def main():
    loop = asyncio.get_running_loop()
    start = time.monotonic()

    def done(called_at):
        ran_at = time.monotonic() - start
        print(f"call_soon_threadsafe() at {called_at:.1f} s, callback ran at {ran_at:.1f} s")

    thread = threading.Thread(target=worker, args=(loop, start, done))
    thread.start()
    await asyncio.sleep(0.5)  # the loop has nothing else to do until this timer
    print(f"main: timer fired at {time.monotonic() - start:.1f} s")
    await asyncio.to_thread(thread.join)  # the worker has finished; join off the loop anyway


if __name__ == "__main__":
    asyncio.run(main())
