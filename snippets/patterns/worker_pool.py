import asyncio

WORKERS = 3
JOBS = 8


async def handle(job):
    await asyncio.sleep(0.05)  # stands for the real work
    if job == 5:
        raise ValueError(f"job {job} is malformed")
    return job * job


async def worker(n, queue, results, stats):
    while True:
        job = await queue.get()
        stats["busy"] += 1
        stats["most_busy"] = max(stats["most_busy"], stats["busy"])
        try:
            results[job] = await handle(job)
            print(f"worker {n}: job {job} done")
        except Exception as exc:  # one bad job must not stop the pool
            results[job] = exc
            print(f"worker {n}: job {job} failed: {exc!r}")
        finally:
            stats["busy"] -= 1
            queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=WORKERS)  # bounded: put() waits while it is full
    results = {}
    stats = {"busy": 0, "most_busy": 0}
    async with asyncio.TaskGroup() as tg:
        workers = [tg.create_task(worker(n, queue, results, stats)) for n in range(WORKERS)]
        for job in range(JOBS):
            await queue.put(job)
        print(f"all {JOBS} jobs queued")
        await queue.join()  # every job taken and marked done
        print("queue joined: stopping the workers")
        for task in workers:
            task.cancel()  # they wait in get(): nothing is lost
    print(f"workers cancelled: {[task.cancelled() for task in workers]}")
    failed = sorted(job for job, value in results.items() if isinstance(value, Exception))
    print(f"{len(results)} results, failed jobs: {failed}")
    print(f"at most {stats['most_busy']} jobs at once")


if __name__ == "__main__":
    asyncio.run(main())
