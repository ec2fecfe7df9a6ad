import asyncio


async def compute():
    print("compute: running")
    await asyncio.sleep(0.1)
    return "the result"


async def main():
    task = asyncio.create_task(compute())
    print(f"created:  {task!r}")
    print(f"done? {task.done()}")
    result = await task
    print(f"finished: {task!r}")
    print(f"done? {task.done()}")
    print(f"await returned {result!r}")


if __name__ == "__main__":
    asyncio.run(main())
