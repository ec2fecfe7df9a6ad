import asyncio
from contextlib import AsyncExitStack, asynccontextmanager

DOWN = {"db-3"}  # servers that refuse connections


@asynccontextmanager
async def connect(name):
    await asyncio.sleep(0.01)  # stands in for connecting
    if name in DOWN:
        raise ConnectionRefusedError(f"{name} refused the connection")
    print(f"  {name}: connected")
    try:
        yield name
    finally:
        await asyncio.sleep(0.01)  # stands in for closing politely
        print(f"  {name}: closed")


async def query_all(names):
    async with AsyncExitStack() as stack:
        conns = [await stack.enter_async_context(connect(name)) for name in names]
        stack.push_async_callback(report, len(conns))  # runs first on the way out
        print(f"  querying {', '.join(conns)}")


async def report(count):
    print(f"  done with {count} connections")


async def main():
    print("three servers up:")
    await query_all(["db-1", "db-2", "db-4"])
    print("one server down:")
    try:
        await query_all(["db-1", "db-2", "db-3", "db-4"])
    except ConnectionRefusedError as exc:
        print(f"caught {exc!r}")


if __name__ == "__main__":
    asyncio.run(main())
