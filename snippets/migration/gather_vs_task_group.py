import asyncio


async def fail():
    await asyncio.sleep(0.05)
    raise ValueError("fail() failed")


async def slow(name):
    try:
        await asyncio.sleep(1)  # far longer than fail() takes
        return f"{name} done"
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise


async def with_gather():
    other = asyncio.create_task(slow("gather's other task"))
    try:
        await asyncio.gather(fail(), other)
    except ValueError as exc:
        print(f"gather raised {exc!r}; other still running: {not other.done()}")
    finally:
        other.cancel()  # gather() does not do this for you
        await asyncio.gather(other, return_exceptions=True)


async def with_task_group():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
            other = tg.create_task(slow("group's other task"))
    except* ValueError as eg:
        print(f"TaskGroup raised {eg.exceptions!r}; other cancelled: {other.cancelled()}")


async def main():
    await with_gather()
    await with_task_group()


if __name__ == "__main__":
    asyncio.run(main())
