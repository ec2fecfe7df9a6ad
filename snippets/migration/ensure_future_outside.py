import asyncio
import warnings


async def job():
    return "job done"


def old_form():
    # Old form: schedule a coroutine at module level, before any loop runs.
    coro = job()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            task = asyncio.ensure_future(coro)
        except RuntimeError as exc:
            coro.close()  # never started: close it, or Python warns it was never awaited
            print(f"ensure_future(): {type(exc).__name__}: {exc}")
            return
    for warning in caught:
        print(f"ensure_future(): {warning.category.__name__}: {warning.message}")
    if not caught:
        print("ensure_future(): created a loop, no warning")
    loop = task.get_loop()  # the loop that ensure_future() created and set
    try:
        print(f"old form: {loop.run_until_complete(task)}")
    finally:
        loop.close()
        asyncio.set_event_loop(None)


def create_task_outside():
    coro = job()
    try:
        task = asyncio.create_task(coro)
    except RuntimeError as exc:
        coro.close()
        print(f"create_task() outside a loop: {type(exc).__name__}: {exc}")
    else:
        task.cancel()  # not reached: there is no loop to create it on


async def main():
    # Current form: create tasks inside a coroutine, where a loop is running.
    task = asyncio.create_task(job())
    print(f"current form: {await task}")


if __name__ == "__main__":
    old_form()
    create_task_outside()
    asyncio.run(main())
