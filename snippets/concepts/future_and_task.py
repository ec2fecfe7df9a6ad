"""A Future's result comes later; a Task is a Future running a coroutine."""

import asyncio


async def double(x):
    await asyncio.sleep(0.1)
    return x * 2


async def main():
    loop = asyncio.get_running_loop()

    future = loop.create_future()
    loop.call_later(0.1, future.set_result, "set by a callback")
    print(f"future done: {future.done()}")
    print(f"future result: {await future!r}")

    task = asyncio.create_task(double(21))
    print(f"task is a Future: {isinstance(task, asyncio.Future)}")
    print(f"task done: {task.done()}")
    print(f"task result: {await task!r}")


if __name__ == "__main__":
    asyncio.run(main())
