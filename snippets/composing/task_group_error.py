import asyncio


async def worker(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    if fail:
        print(f"{name}: failing")
        raise ValueError(f"{name} failed")
    print(f"{name}: done")
    return f"{name} result"


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            quick = tg.create_task(worker("quick", 0.1))
            tg.create_task(worker("broken", 0.2, fail=True))
            slow = tg.create_task(worker("slow", 0.5))
            print("three workers started")
    except* ValueError as eg:
        print(f"caught {eg!r}")
        for exc in eg.exceptions:
            print(f"  {exc!r}")
    print(f"quick: {quick.result()!r}, slow cancelled: {slow.cancelled()}")
    print("main carries on")


if __name__ == "__main__":
    asyncio.run(main())
