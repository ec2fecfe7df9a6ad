"""asyncio.run(loop_factory=...): choose and configure the event loop without a policy."""

import asyncio


def new_loop():
    # Called once by asyncio.run(), before main() starts. Name the class you want
    # here: asyncio.SelectorEventLoop, or a third-party loop such as uvloop's.
    loop = asyncio.SelectorEventLoop()
    loop.set_task_factory(asyncio.eager_task_factory)
    print(f"new_loop: created a {type(loop).__name__}")
    return loop


async def step():
    print("step: started inside create_task()")
    await asyncio.sleep(0.05)
    return "step result"


async def main():
    loop = asyncio.get_running_loop()
    print(
        f"main: running in a {type(loop).__name__}, eager tasks: "
        f"{loop.get_task_factory() is asyncio.eager_task_factory}"
    )
    task = asyncio.create_task(step())
    print("main: create_task() returned")
    print(f"main: {await task}")


if __name__ == "__main__":
    asyncio.run(main(), loop_factory=new_loop)
