import asyncio


async def fetch(name, delay):
    print(f"{name}: start")
    await asyncio.sleep(delay)
    print(f"{name}: done")
    return f"{name} data"


async def main():
    async with asyncio.TaskGroup() as tg:
        users = tg.create_task(fetch("users", 0.2))
        orders = tg.create_task(fetch("orders", 0.1))
        print("both tasks created")
    # Leaving the block waited for every task of the group.
    print("task group finished")
    print(f"results: {[users.result(), orders.result()]!r}")


if __name__ == "__main__":
    asyncio.run(main())
