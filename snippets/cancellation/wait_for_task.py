import asyncio
import sys


async def fetch():
    print(f"fetch runs in task {asyncio.current_task().get_name()!r}")
    await asyncio.sleep(0.1)
    return "data"


async def main():
    asyncio.current_task().set_name("main")
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    result = await asyncio.wait_for(fetch(), timeout=1)
    print(f"wait_for returned {result!r}")


if __name__ == "__main__":
    asyncio.run(main())
