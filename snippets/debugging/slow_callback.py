"""Debug mode reports a step of a task that blocks the event loop for too long."""

import asyncio
import logging
import time


async def blocking_step():
    print("blocking_step: calling time.sleep(0.2)")
    time.sleep(0.2)  # blocks the whole event loop
    print("blocking_step: done")


async def main():
    loop = asyncio.get_running_loop()
    print(f"debug mode: {loop.get_debug()}")
    print(f"slow_callback_duration: {loop.slow_callback_duration} seconds")
    await asyncio.create_task(blocking_step(), name="blocking-step")
    print("main: done")


if __name__ == "__main__":
    # asyncio reports through the "asyncio" logger; show its records on stderr.
    logging.basicConfig(format="%(levelname)s:%(name)s: %(message)s")
    asyncio.run(main(), debug=True)
