"""Calling a coroutine function runs nothing; awaiting the result does."""

import asyncio


async def greet(name):
    print(f"greet: hello, {name}")
    return len(name)


async def main():
    coro = greet("asyncio")
    print(f"main: greet() returned a {type(coro).__name__} object")
    print("main: nothing has run yet, now awaiting it")
    result = await coro
    print(f"main: the coroutine returned {result}")


if __name__ == "__main__":
    asyncio.run(main())
