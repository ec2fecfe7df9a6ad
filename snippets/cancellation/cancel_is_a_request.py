import asyncio


async def flush_buffer():
    try:
        await asyncio.sleep(0.3)  # writing the buffer out
    except asyncio.CancelledError:
        # Refusing a cancellation: finish the write, then take back the request.
        print("flush_buffer: cancellation requested, finishing the write first")
        asyncio.current_task().uncancel()
        await asyncio.sleep(0.1)
    print("flush_buffer: write complete")
    return "buffer flushed"


async def main():
    task = asyncio.create_task(flush_buffer())
    await asyncio.sleep(0.1)
    print(f"main: cancel() returned {task.cancel()}")
    print(f"main: right after cancel(), done() is {task.done()}")
    # wait() returns without raising, however the task ended.
    await asyncio.wait([task])
    if task.cancelled():
        print("main: the task was cancelled")
    else:
        print(f"main: the task refused and returned {task.result()!r}")
    print(f"main: cancel() on the finished task returned {task.cancel()}")


if __name__ == "__main__":
    asyncio.run(main())
