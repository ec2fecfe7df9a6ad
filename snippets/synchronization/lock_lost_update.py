import asyncio

TASKS = 10


class Counter:
    def __init__(self):
        self.value = 0


async def add_one(counter):
    current = counter.value
    await asyncio.sleep(0.01)  # any await lets the other tasks run here
    counter.value = current + 1


async def add_one_locked(counter, lock):
    async with lock:
        await add_one(counter)


async def main():
    counter = Counter()
    async with asyncio.TaskGroup() as tg:
        for _ in range(TASKS):
            tg.create_task(add_one(counter))
    print(f"without a lock: {counter.value} of {TASKS} increments kept")

    counter = Counter()
    lock = asyncio.Lock()
    async with asyncio.TaskGroup() as tg:
        for _ in range(TASKS):
            tg.create_task(add_one_locked(counter, lock))
    print(f"with a lock: {counter.value} of {TASKS} increments kept")


if __name__ == "__main__":
    asyncio.run(main())
