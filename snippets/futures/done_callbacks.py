"""add_done_callback(): the loop calls each callback with the finished Future, in order."""

import asyncio
import functools


def callback(future, n):
    print(f"{n}: future done: {future.result()!r}")


async def main():
    loop = asyncio.get_running_loop()
    all_done = loop.create_future()
    print("registering callbacks on the future")
    all_done.add_done_callback(functools.partial(callback, n=1))
    all_done.add_done_callback(functools.partial(callback, n=2))
    print("setting the result")
    all_done.set_result("the result")
    print("result set; the callbacks are only scheduled")
    await asyncio.sleep(0)
    print("main done")


if __name__ == "__main__":
    asyncio.run(main())
