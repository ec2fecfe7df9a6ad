import asyncio

ITEMS = 10
DONE = object()  # the end-of-stream marker, passed from stage to stage


async def produce(out, progress):
    for n in range(ITEMS):
        await out.put(n)  # waits while the next stage's queue is full
        progress["produced"] += 1
        ahead = progress["produced"] - progress["consumed"]
        progress["most_ahead"] = max(progress["most_ahead"], ahead)
        print(f"produce: put {n} ({ahead} ahead of consume)")
    await out.put(DONE)


async def transform(inp, out):
    while True:
        item = await inp.get()
        if item is DONE:
            await out.put(DONE)
            return
        await out.put(item * 10)


async def consume(inp, progress):
    while True:
        item = await inp.get()
        if item is DONE:
            return
        await asyncio.sleep(0.03)  # the slow stage
        progress["consumed"] += 1
        print(f"consume: handled {item}")


async def main():
    first = asyncio.Queue(maxsize=2)
    second = asyncio.Queue(maxsize=2)
    progress = {"produced": 0, "consumed": 0, "most_ahead": 0}
    async with asyncio.TaskGroup() as tg:
        tg.create_task(produce(first, progress))
        tg.create_task(transform(first, second))
        tg.create_task(consume(second, progress))
    print(f"produce was at most {progress['most_ahead']} items ahead")
    others = asyncio.all_tasks() - {asyncio.current_task()}
    print(f"pipeline finished, {len(others)} other tasks left")


if __name__ == "__main__":
    asyncio.run(main())
