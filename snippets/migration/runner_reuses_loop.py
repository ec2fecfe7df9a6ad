import asyncio


async def worker(queue):
    while True:
        job = await queue.get()
        try:
            print(f"worker: handled {job}")
        finally:
            queue.task_done()


async def start(queue):
    # The worker task must outlive this call.
    return asyncio.create_task(worker(queue))


async def submit(queue, jobs):
    for job in jobs:
        await queue.put(job)
    await queue.join()  # wait until the worker has handled every job


if __name__ == "__main__":
    # Two asyncio.run() calls: each has its own loop, and the first one
    # cancels every task still running when it ends.
    task = asyncio.run(start(asyncio.Queue(maxsize=10)))
    print(f"after asyncio.run(): worker cancelled: {task.cancelled()}")

    # asyncio.Runner: several calls on one loop, closed once at the end.
    queue = asyncio.Queue(maxsize=10)
    with asyncio.Runner() as runner:
        task = runner.run(start(queue))
        runner.run(submit(queue, ["job 1", "job 2"]))
        # Between run() calls the loop is stopped: the worker waits, suspended, not done.
        print(f"between calls: worker still pending: {not task.done()}")
        runner.run(submit(queue, ["job 3"]))
    print(f"after the with block: worker cancelled: {task.cancelled()}")
