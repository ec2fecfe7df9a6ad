import asyncio


async def consumer(n, queue):
    while True:
        try:
            item = await queue.get()
        except asyncio.QueueShutDown:
            break
        try:
            print(f"consumer {n}: got item {item}")
            await asyncio.sleep(0.01)  # stands for the real work
        finally:
            queue.task_done()
    print(f"consumer {n}: queue is shut down and empty, stopping")


async def main():
    queue = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        for n in range(2):
            tg.create_task(consumer(n, queue))
        for item in range(6):
            await queue.put(item)
        queue.shutdown()
        print("producer: shut the queue down")
        try:
            await queue.put(6)
        except asyncio.QueueShutDown:
            print("producer: put() after shutdown() raised QueueShutDown")
    print("main: all consumers stopped")


if __name__ == "__main__":
    asyncio.run(main())
