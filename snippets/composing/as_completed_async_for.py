import asyncio


async def phase(i):
    await asyncio.sleep(0.3 - 0.1 * i)
    return f"phase {i} result"


async def main():
    tasks = [asyncio.create_task(phase(i), name=f"phase {i}") for i in range(3)]
    print("waiting for phases to complete")
    # Python 3.13+: async iteration yields the tasks that were passed in.
    async for task in asyncio.as_completed(tasks):
        index = tasks.index(task)
        print(f"tasks[{index}] ({task.get_name()}) finished: {task.result()!r}")


if __name__ == "__main__":
    asyncio.run(main())
