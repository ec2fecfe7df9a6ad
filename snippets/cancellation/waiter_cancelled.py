import asyncio


async def child(name):
    try:
        await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        print(f"  {name}: cancelled")
        raise
    print(f"  {name}: finished")


async def with_wait(children):
    await asyncio.wait(children)


async def with_as_completed(children):
    for next_done in asyncio.as_completed(children):
        await next_done


async def with_gather(children):
    await asyncio.gather(*children)


async def run(waiter):
    children = [asyncio.create_task(child(f"{waiter.__name__}-{i}")) for i in range(2)]
    parent = asyncio.create_task(waiter(children))
    await asyncio.sleep(0.1)
    print(f"cancelling the task in {waiter.__name__}()")
    parent.cancel()
    await asyncio.wait([parent])
    print(f"  parent cancelled: {parent.cancelled()}")
    print(f"  children still running: {[not c.done() for c in children]}")
    # Whatever the waiter did, leave nothing running.
    for c in children:
        c.cancel()
    await asyncio.wait(children)


async def main():
    for waiter in (with_wait, with_as_completed, with_gather):
        await run(waiter)


if __name__ == "__main__":
    asyncio.run(main())
