import asyncio


async def worker(n, semaphore, running):
    async with semaphore:
        running.add(n)
        print(f"worker {n}: starting, {len(running)} running")
        await asyncio.sleep(0.1)
        running.remove(n)
    print(f"worker {n}: done")


async def main():
    semaphore = asyncio.Semaphore(2)
    running = set()
    print("main: starting 5 workers")
    async with asyncio.TaskGroup() as tg:
        for n in range(5):
            tg.create_task(worker(n, semaphore, running))


if __name__ == "__main__":
    asyncio.run(main())
