import asyncio

# The event loop keeps only weak references to tasks: hold a strong one here.
background_tasks = set()


async def job(delay):
    await asyncio.sleep(delay)


def report(task):
    print(f"{task.get_name()} finished: {len(background_tasks)} still in the set")


def spawn(name, delay):
    task = asyncio.create_task(job(delay), name=name)
    background_tasks.add(task)
    task.add_done_callback(background_tasks.discard)
    task.add_done_callback(report)  # only to show the set shrinking


async def main():
    for name, delay in [("job-a", 0.3), ("job-b", 0.1), ("job-c", 0.2)]:
        spawn(name, delay)
    print(f"main: started {len(background_tasks)} tasks; the set holds a reference to each")

    # A real program would go on with its own work; the demo just waits.
    await asyncio.wait(background_tasks)
    print(f"main: {len(background_tasks)} tasks left in the set")


if __name__ == "__main__":
    asyncio.run(main())
