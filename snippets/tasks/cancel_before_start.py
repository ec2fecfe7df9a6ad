import asyncio


async def compute():
    print("compute: running")  # never printed: the task is cancelled first
    return "the result"


async def main():
    task = asyncio.create_task(compute())
    task.cancel()
    print(f"after cancel(): {task!r}")
    try:
        await task
    except asyncio.CancelledError:
        print("await raised CancelledError")
    print(f"cancelled? {task.cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())
