import asyncio
import os


def await_chain(task):
    """Each coroutine the task is suspended in, outermost first."""
    chain = []
    coro = task.get_coro()
    while coro is not None and hasattr(coro, "cr_frame"):
        frame = coro.cr_frame
        if frame is None:  # the coroutine has finished
            break
        where = f"{os.path.basename(frame.f_code.co_filename)}:{frame.f_lineno}"
        chain.append(f"{coro.cr_code.co_qualname}() at {where}")
        coro = coro.cr_await
    return chain


def dump_tasks():
    me = asyncio.current_task()
    others = [t for t in asyncio.all_tasks() if t is not me]
    for task in sorted(others, key=lambda t: t.get_name()):
        print(f"task {task.get_name()}:")
        for line in await_chain(task):
            print(f"    {line}")


class Progress:
    def __init__(self):
        self.steps = 0


async def watchdog(progress, interval):
    """Dump every task's stack when no step was made for a whole interval."""
    last = progress.steps
    while True:
        await asyncio.sleep(interval)
        if progress.steps == last:
            print(f"watchdog: no progress for {interval} s, dumping tasks")
            dump_tasks()
            return
        last = progress.steps


async def transfer(name, first, second, progress):
    async with first:
        progress.steps += 1
        print(f"{name} holds its first lock")
        await asyncio.sleep(0.1)
        async with second:  # each transfer waits for the lock the other holds
            progress.steps += 1


async def main():
    asyncio.current_task().set_name("main")
    progress = Progress()
    a, b = asyncio.Lock(), asyncio.Lock()
    dog = asyncio.create_task(watchdog(progress, 0.3), name="watchdog")
    transfers = [
        asyncio.create_task(transfer("a-to-b", a, b, progress), name="a-to-b"),
        asyncio.create_task(transfer("b-to-a", b, a, progress), name="b-to-a"),
    ]
    try:
        await dog
    finally:
        for task in transfers:
            task.cancel()
        results = await asyncio.gather(*transfers, return_exceptions=True)
        print(f"transfers cancelled: {[type(r).__name__ for r in results]}")


if __name__ == "__main__":
    asyncio.run(main())
