import asyncio


async def party(name, delay, barrier):
    await asyncio.sleep(delay)
    print(f"{name}: arriving, {barrier.n_waiting} already waiting")
    await barrier.wait()
    print(f"{name}: passed the barrier")


async def main():
    barrier = asyncio.Barrier(3)
    print("main: starting 3 parties")
    async with asyncio.TaskGroup() as tg:
        for name, delay in (("A", 0.1), ("B", 0.2), ("C", 0.3)):
            tg.create_task(party(name, delay, barrier))


if __name__ == "__main__":
    asyncio.run(main())
