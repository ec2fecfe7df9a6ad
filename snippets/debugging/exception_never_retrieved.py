"""A task fails and nobody looks at its exception: the loop logs it when the task is freed."""

import asyncio
import gc
import logging


async def fail():
    raise ValueError("something went wrong")


async def main():
    task = asyncio.create_task(fail())  # bug: the result is never awaited
    await asyncio.sleep(0.1)
    print(f"main: task done? {task.done()}; dropping the last reference")
    del task
    gc.collect()  # collect it now, even if a reference cycle holds it
    print("main: finished")


if __name__ == "__main__":
    logging.basicConfig(format="%(levelname)s:%(name)s: %(message)s")
    print("--- debug mode off")
    asyncio.run(main(), debug=False)
    print("--- debug mode on")
    asyncio.run(main(), debug=True)
