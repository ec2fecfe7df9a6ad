"""Schedule plain functions with loop.call_soon(); keyword arguments need functools.partial."""

import asyncio
import functools


def callback(arg, *, kwarg="default"):
    print(f"callback invoked with {arg} and {kwarg}")


async def main():
    loop = asyncio.get_running_loop()
    print("registering callbacks")
    loop.call_soon(callback, 1)
    wrapped = functools.partial(callback, kwarg="not default")
    loop.call_soon(wrapped, 2)
    loop.call_soon(callback, 3)
    print("main yields to the event loop")
    await asyncio.sleep(0.1)
    print("main resumes")


if __name__ == "__main__":
    asyncio.run(main())
