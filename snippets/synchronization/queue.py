import asyncio

CONSUMERS = 2
ITEMS = 6


async def handle(item):
    await asyncio.sleep(0.01 * item)  # stands for the real work
    if item == 3:
        raise ValueError(f"item {item} is malformed")


async def consumer(n, queue):
    print(f"consumer {n}: starting")
    while True:
        item = await queue.get()
        try:
            if item is None:  # the stop marker
                break
            print(f"consumer {n}: got item {item}")
            await handle(item)
        except Exception as exc:  # one bad item must not end the consumer
            print(f"consumer {n}: item {item} failed: {exc}")
        finally:
            queue.task_done()  # the item is done, however its handling ended
    print(f"consumer {n}: stopping")


async def producer(queue):
    print("producer: starting")
    for item in range(ITEMS):
        await queue.put(item)
        print(f"producer: added item {item}")
    print("producer: adding one stop marker per consumer")
    for _ in range(CONSUMERS):
        await queue.put(None)
    print("producer: waiting for the queue to be processed")
    await queue.join()
    print("producer: done")


async def main():
    # A small queue: put() waits while it is full.
    queue = asyncio.Queue(maxsize=CONSUMERS)
    async with asyncio.TaskGroup() as tg:
        for n in range(CONSUMERS):
            tg.create_task(consumer(n, queue))
        tg.create_task(producer(queue))


if __name__ == "__main__":
    asyncio.run(main())
