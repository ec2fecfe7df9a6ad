"""Shut down a service cleanly when it receives SIGTERM."""

import asyncio
import os
import signal


async def worker(n):
    print(f"worker {n}: started")
    try:
        while True:
            await asyncio.sleep(0.1)  # stands for real work
    finally:
        print(f"worker {n}: cleaning up")


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    try:
        async with asyncio.TaskGroup() as tg:
            workers = [tg.create_task(worker(n)) for n in range(2)]
            # Stand-in for `kill <pid>` from a shell or a service manager.
            loop.call_later(0.25, os.kill, os.getpid(), signal.SIGTERM)
            await stop.wait()
            print("main: SIGTERM received, cancelling workers")
            for task in workers:
                task.cancel()
        # The task group has waited for every worker to finish its cleanup.
        print("main: all workers stopped")
    finally:
        loop.remove_signal_handler(signal.SIGTERM)


if __name__ == "__main__":
    asyncio.run(main())
