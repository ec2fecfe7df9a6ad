import asyncio


async def step(caller):
    await asyncio.sleep(0.01)
    same = asyncio.current_task() is caller
    return "the caller's task" if same else "a task of its own"


async def main():
    caller = asyncio.current_task()
    # wait_for() is not deprecated; its implementation changed in Python 3.12.
    where = await asyncio.wait_for(step(caller), timeout=1)
    print(f"wait_for(): the coroutine ran in {where}")
    async with asyncio.timeout(1):
        where = await step(caller)
    print(f"timeout(): the coroutine ran in {where}")

    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.05)
    except TimeoutError as exc:
        print(f"wait_for() timed out: {type(exc).__name__}")
    print(f"asyncio.TimeoutError is TimeoutError: {asyncio.TimeoutError is TimeoutError}")


if __name__ == "__main__":
    asyncio.run(main())
