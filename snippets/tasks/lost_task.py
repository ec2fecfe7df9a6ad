import asyncio
import gc


async def wait_for_event(event):
    try:
        print("worker: waiting for an event that only this task can reach")
        await event.wait()
        print("worker: event set")  # never reached: nothing can set the event
    finally:
        print("worker: finally block runs as the coroutine is closed")


async def main():
    # The bug: the task is not stored anywhere (Ruff reports this line as RUF006).
    asyncio.create_task(wait_for_event(asyncio.Event()))  # noqa: RUF006
    await asyncio.sleep(0.1)
    print("main: collecting garbage")
    gc.collect()  # forced here; in a real program the collector runs on its own
    print("main: done")


if __name__ == "__main__":
    asyncio.run(main())
