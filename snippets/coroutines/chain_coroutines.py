import asyncio


async def phase1():
    print("in phase1")
    return "result1"


async def phase2(arg):
    print("in phase2")
    return f"result2 derived from {arg}"


async def main():
    print("waiting for phase1")
    result1 = await phase1()
    print("waiting for phase2")
    result2 = await phase2(result1)
    return result1, result2


if __name__ == "__main__":
    print(f"return value: {asyncio.run(main())!r}")
