"""What asyncio.run() does after main() returns, made visible step by step."""

import asyncio
import concurrent.futures
import threading


class LoggingExecutor(concurrent.futures.ThreadPoolExecutor):
    def shutdown(self, wait=True, *, cancel_futures=False):
        thread = threading.current_thread().name
        print(f"executor: shutdown(wait={wait}) in thread {thread!r}")
        super().shutdown(wait=wait, cancel_futures=cancel_futures)


async def ticker():
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        print("ticker: finalized")


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("worker: cancelled")
        raise


async def main(ticks):
    loop = asyncio.get_running_loop()
    loop.set_default_executor(LoggingExecutor(max_workers=1))
    await asyncio.to_thread(print, "main: ran a call in the default executor")
    print(f"main: first tick {await anext(ticks)}")  # left suspended at its yield
    task = asyncio.create_task(worker())  # left running
    await asyncio.sleep(0)  # let the worker start
    print(f"main: returning, worker done: {task.done()}")
    return loop


if __name__ == "__main__":
    ticks = ticker()  # still referenced when asyncio.run() finishes
    loop = asyncio.run(main(ticks))
    print(f"asyncio.run() returned, loop closed: {loop.is_closed()}")
