import asyncio

WORKERS = 3
JOBS = 8


async def handle(job):
    await asyncio.sleep(0.05)  # stands for the real work
    if job == 5:
        raise ValueError(f"job {job} is malformed")
    return job * job


async def worker(n, queue, results):
    while True:
        try:
            job = await queue.get()
        except asyncio.QueueShutDown:  # shut down and empty: no more jobs will come
            print(f"worker {n}: queue shut down, leaving")
            return
        try:
            results[job] = await handle(job)
        except Exception as exc:  # one bad job must not stop the pool
            results[job] = exc
        finally:
            queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=WORKERS)
    results = {}
    async with asyncio.TaskGroup() as tg:
        for n in range(WORKERS):
            tg.create_task(worker(n, queue, results))
        for job in range(JOBS):
            await queue.put(job)
        queue.shutdown()  # no more put(); get() still returns what is queued
        print(f"all {JOBS} jobs queued, queue shut down")
    failed = sorted(job for job, value in results.items() if isinstance(value, Exception))
    print(f"{len(results)} results, failed jobs: {failed}")


if __name__ == "__main__":
    asyncio.run(main())
