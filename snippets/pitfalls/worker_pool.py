"""The fix: a fixed number of workers take items from a bounded queue."""

import asyncio


class Connections:
    def __init__(self):
        self.open = 0
        self.peak = 0


async def handle(item, conns):
    conns.open += 1  # stands for opening a connection to a server
    conns.peak = max(conns.peak, conns.open)
    try:
        await asyncio.sleep(0.01)  # the request
    finally:
        conns.open -= 1


async def worker(queue, conns):
    while True:
        item = await queue.get()
        try:
            await handle(item, conns)
        finally:
            queue.task_done()


async def main():
    conns = Connections()
    queue = asyncio.Queue(maxsize=20)  # put() waits while 20 items are queued
    peak_queued = 0
    async with asyncio.TaskGroup() as tg:
        workers = [tg.create_task(worker(queue, conns)) for _ in range(10)]
        for item in range(200):
            await queue.put(item)
            peak_queued = max(peak_queued, queue.qsize())
        print(f"tasks after the loop: {len(asyncio.all_tasks()) - 1}")
        await queue.join()  # every item handled
        for w in workers:
            w.cancel()
    print(f"peak queue size: {peak_queued}, peak open connections: {conns.peak}")


if __name__ == "__main__":
    asyncio.run(main())
