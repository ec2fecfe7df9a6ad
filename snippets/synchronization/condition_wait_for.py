import asyncio


async def waiter(condition, items, wanted):
    async with condition:
        await condition.wait_for(lambda: len(items) >= wanted)
        print(f"waiter for {wanted} item(s): sees {items}")


async def main():
    condition = asyncio.Condition()
    items = []
    async with asyncio.TaskGroup() as tg:
        for wanted in (3, 1, 2):
            tg.create_task(waiter(condition, items, wanted))
        for item in ("a", "b", "c"):
            await asyncio.sleep(0.1)
            async with condition:
                items.append(item)
                print(f"producer: added {item!r}")
                condition.notify_all()


if __name__ == "__main__":
    asyncio.run(main())
