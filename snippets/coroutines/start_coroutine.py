import asyncio


async def greet():
    print("in the coroutine")


def main():
    print("creating the coroutine object")
    coro = greet()
    print(f"created {type(coro).__name__}, nothing has run yet")
    print("handing it to asyncio.run()")
    asyncio.run(coro)
    print("asyncio.run() returned, the loop is closed")


if __name__ == "__main__":
    main()
