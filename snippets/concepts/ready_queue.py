"""The event loop runs callbacks from its ready queue, one at a time."""

import asyncio


def callback(name):
    print(f"callback {name} runs")


async def main():
    loop = asyncio.get_running_loop()
    print("main: running inside the event loop")
    loop.call_soon(callback, "A")
    loop.call_soon(callback, "B")
    print("main: queued two callbacks, now giving control back")
    await asyncio.sleep(0)  # main's next step queues up behind A and B
    print("main: resumed after the callbacks")


if __name__ == "__main__":
    asyncio.run(main())
