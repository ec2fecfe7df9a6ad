import asyncio


class Ticket:
    """An awaitable object that is neither a coroutine nor a Future."""

    def __await__(self):
        yield from asyncio.sleep(0.1).__await__()
        return "from a Ticket"


async def fetch():
    await asyncio.sleep(0.1)
    return "from a coroutine"


async def report(aw):
    # Code that accepts "anything awaitable" and needs a Future-like object.
    fut = asyncio.ensure_future(aw)
    print(f"{type(aw).__name__} -> {type(fut).__name__}, same object: {fut is aw}")
    print(f"  result: {await fut!r}")


async def main():
    loop = asyncio.get_running_loop()

    await report(fetch())  # a coroutine is wrapped in a new Task
    await report(asyncio.create_task(fetch()))  # a Task comes back unchanged

    future = loop.create_future()
    loop.call_later(0.1, future.set_result, "from a Future")
    await report(future)  # so does any Future

    await report(Ticket())  # another awaitable is wrapped in a Task

    try:
        task = asyncio.create_task(Ticket())
    except TypeError:
        print("create_task(Ticket()) raised TypeError: it takes coroutines only")
    else:
        await task


if __name__ == "__main__":
    asyncio.run(main())
