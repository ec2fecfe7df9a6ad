import asyncio


async def consumer(condition, n):
    async with condition:
        print(f"consumer {n}: waiting")
        await condition.wait()
        print(f"consumer {n}: woken up")
    print(f"consumer {n}: done")


async def notifier(condition):
    await asyncio.sleep(0.1)  # let the consumers start waiting
    for n in (1, 2):
        async with condition:
            print(f"notifier: waking {n} consumer(s)")
            condition.notify(n)
        await asyncio.sleep(0.1)
    async with condition:
        print("notifier: waking all remaining consumers")
        condition.notify_all()


async def main():
    condition = asyncio.Condition()
    async with asyncio.TaskGroup() as tg:
        for n in range(5):
            tg.create_task(consumer(condition, n))
        tg.create_task(notifier(condition))


if __name__ == "__main__":
    asyncio.run(main())
