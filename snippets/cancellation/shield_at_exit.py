import asyncio


async def save(record):
    print(f"save: writing {record!r}")
    try:
        await asyncio.sleep(0.3)
    except asyncio.CancelledError:
        print("save: cancelled before the write finished")
        raise
    print("save: written")


async def main():
    save_task = asyncio.create_task(save("order 42"))
    try:
        async with asyncio.timeout(0.1):
            await asyncio.shield(save_task)
    except TimeoutError:
        print("main: timed out, returning without waiting for the save")


if __name__ == "__main__":
    asyncio.run(main())
    print("asyncio.run() has returned")
