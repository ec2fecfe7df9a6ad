import asyncio


async def child(label, suspend):
    print(f"{label}: child starts")
    if suspend:
        await asyncio.sleep(0)  # the first point where the task can pause
    print(f"{label}: child ends")


async def demo(label, suspend=False):
    print(f"{label}: calling create_task()")
    task = asyncio.create_task(child(label, suspend))
    print(f"{label}: create_task() returned, done={task.done()}")
    await task


async def main():
    await demo("default")

    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    await demo("eager")
    await demo("eager+await", suspend=True)


if __name__ == "__main__":
    asyncio.run(main())
