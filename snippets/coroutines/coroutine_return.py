import asyncio


async def compute():
    print("in the coroutine")
    return "result"


async def main():
    value = await compute()
    print(f"compute() returned {value!r}")
    return value


if __name__ == "__main__":
    returned = asyncio.run(main())
    print(f"asyncio.run() returned {returned!r}")
