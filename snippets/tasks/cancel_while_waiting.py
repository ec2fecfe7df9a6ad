import asyncio


async def download():
    print("download: connecting")
    try:
        await asyncio.sleep(10)
        print("download: finished")  # never reached
    except asyncio.CancelledError:
        print("download: CancelledError raised at the await")
        raise  # let the cancellation finish
    finally:
        print("download: closing the connection")


async def main():
    task = asyncio.create_task(download())
    await asyncio.sleep(0.1)
    print("main: cancelling the task")
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: the task ended with CancelledError")
    print(f"main: cancelled? {task.cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())
