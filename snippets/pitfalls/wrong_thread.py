"""loop.call_soon() from another thread: nothing wakes the loop to run the callback."""

import asyncio
import threading
import time


def worker(loop, start, done):
    time.sleep(0.1)  # the thread's own work
    try:
        loop.call_soon(done, time.monotonic() - start)  # bug: not thread-safe
    except RuntimeError as exc:
        print(f"worker: RuntimeError: {exc}")


async def main():
    loop = asyncio.get_running_loop()
    start = time.monotonic()

    def done(called_at):
        print(f"call_soon() at {called_at:.1f} s, callback ran at {time.monotonic() - start:.1f} s")

    thread = threading.Thread(target=worker, args=(loop, start, done))
    thread.start()
    await asyncio.sleep(0.5)  # the loop has nothing else to do until this timer
    print(f"main: timer fired at {time.monotonic() - start:.1f} s")
    await asyncio.to_thread(thread.join)  # the worker has finished by now


if __name__ == "__main__":
    print("--- debug mode off")
    asyncio.run(main(), debug=False)
    print("--- debug mode on")
    asyncio.run(main(), debug=True)
