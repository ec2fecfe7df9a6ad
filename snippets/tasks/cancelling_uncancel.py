import asyncio


async def stubborn():
    task = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"stubborn: first cancel, cancelling() = {task.cancelling()}")
        print(f"stubborn: uncancel() returns {task.uncancel()}, carrying on")
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"stubborn: second cancel, cancelling() = {task.cancelling()}")
        raise


async def main():
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    task.cancel()
    print(f"main: after cancel(), cancelling() = {task.cancelling()}")
    await asyncio.sleep(0.1)
    print(f"main: task still running? {not task.done()}")
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print(f"main: task cancelled? {task.cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())
