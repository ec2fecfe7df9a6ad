import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def leaky_connection(name):
    print(f"{name}: open")
    await asyncio.sleep(0.01)  # stands in for connecting
    yield name
    # Skipped when the block raises: the exception comes out of the yield above.
    await asyncio.sleep(0.01)
    print(f"{name}: closed")


@asynccontextmanager
async def connection(name):
    print(f"{name}: open")
    await asyncio.sleep(0.01)  # stands in for connecting
    try:
        yield name
    finally:
        await asyncio.sleep(0.01)  # stands in for a polite goodbye
        print(f"{name}: closed")


async def use(manager, name):
    try:
        async with manager(name) as conn:
            print(f"{conn}: sending")
            raise ConnectionResetError(f"{conn}: peer went away")
    except ConnectionResetError as exc:
        print(f"caught {exc!r}")


async def main():
    await use(leaky_connection, "without finally")
    await use(connection, "with finally")


if __name__ == "__main__":
    asyncio.run(main())
