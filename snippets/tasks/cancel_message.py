import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as exc:
        print(f"worker: caught {exc!r}")
        raise


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    task.cancel("shutting down")
    try:
        await task
    except asyncio.CancelledError as exc:
        print(f"main: caught {exc!r}")


if __name__ == "__main__":
    asyncio.run(main())
