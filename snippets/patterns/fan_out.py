import asyncio

DELAYS = {"alpha": 0.3, "bravo": 0.1, "charlie": 0.12, "delta": 0.05, "echo": 0.1}


async def fetch(name, limit, running, results):
    async with limit:  # at most two fetches at once
        running.add(name)
        print(f"{name}: started, {len(running)} running")
        try:
            await asyncio.sleep(DELAYS[name])  # stands for a network call
        finally:
            running.discard(name)
    results[name] = name.upper()  # the dict fills in completion order
    print(f"{name}: done")


async def main():
    limit = asyncio.Semaphore(2)
    running = set()
    results = {}
    async with asyncio.TaskGroup() as tg:
        for name in DELAYS:  # one task per input, all started at once
            tg.create_task(fetch(name, limit, running, results))
    print(f"results in completion order: {results}")
    print(f"in input order: {[results[name] for name in DELAYS]}")


if __name__ == "__main__":
    asyncio.run(main())
