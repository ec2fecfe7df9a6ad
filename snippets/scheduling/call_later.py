"""loop.call_later() runs callbacks after a delay, in order of their deadlines."""

import asyncio


def callback(name):
    print(f"callback {name} invoked")


async def main():
    loop = asyncio.get_running_loop()
    print("registering callbacks")
    loop.call_later(0.3, callback, 1)
    loop.call_later(0.2, callback, 2)
    loop.call_later(0.1, callback, 3)
    loop.call_soon(callback, "soon")
    await asyncio.sleep(0.4)
    print("main done")


if __name__ == "__main__":
    asyncio.run(main())
