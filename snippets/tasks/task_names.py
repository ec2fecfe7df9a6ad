import asyncio


async def work():
    await asyncio.sleep(0.1)


async def main():
    print(f"main() runs in {asyncio.current_task().get_name()}")

    first = asyncio.create_task(work())
    second = asyncio.create_task(work(), name="fetch-users")
    print(f"default name: {first.get_name()}")
    print(f"given name:   {second.get_name()}")

    first.set_name("fetch-orders")
    print(f"renamed:      {first.get_name()}")
    print(f"repr: {first!r}")

    names = sorted(task.get_name() for task in asyncio.all_tasks())
    print(f"all tasks: {names}")
    await asyncio.gather(first, second)


if __name__ == "__main__":
    asyncio.run(main())
