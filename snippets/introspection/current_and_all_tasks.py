import asyncio


async def worker(delay):
    me = asyncio.current_task()
    print(f"{me.get_name()} started")
    await asyncio.sleep(delay)


async def main():
    asyncio.current_task().set_name("main")
    workers = [
        asyncio.create_task(worker(0.1), name="fetch-users"),
        asyncio.create_task(worker(0.3), name="fetch-orders"),
    ]
    await asyncio.sleep(0)  # let both workers start

    for task in sorted(asyncio.all_tasks(), key=lambda t: t.get_name()):
        coro = task.get_coro()
        print(f"{task.get_name()}: runs {coro.__qualname__}(), done={task.done()}")

    await workers[0]
    names = sorted(task.get_name() for task in asyncio.all_tasks())
    print(f"after fetch-users finished: {names}")
    await workers[1]

    # A callback that the loop runs directly is not inside any task.
    loop = asyncio.get_running_loop()
    seen = loop.create_future()
    loop.call_soon(lambda: seen.set_result(asyncio.current_task()))
    print(f"current_task() in a plain callback: {await seen}")


if __name__ == "__main__":
    asyncio.run(main())
