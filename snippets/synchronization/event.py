import asyncio


def set_event(event):
    print("callback: setting the event")
    event.set()


async def waiter(name, event):
    print(f"{name}: waiting for the event")
    await event.wait()
    print(f"{name}: woken up")


async def main():
    event = asyncio.Event()
    print(f"main: event set at the start: {event.is_set()}")
    asyncio.get_running_loop().call_later(0.1, set_event, event)

    async with asyncio.TaskGroup() as tg:
        for name in ("A", "B", "C"):
            tg.create_task(waiter(name, event))

    await event.wait()  # the event is still set: this returns at once
    print(f"main: event set at the end: {event.is_set()}")


if __name__ == "__main__":
    asyncio.run(main())
