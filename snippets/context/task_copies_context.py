"""Each task runs in a copy of the context taken when the task is created."""

import asyncio
import contextvars

user = contextvars.ContextVar("user", default="nobody")


async def child(name):
    print(f"{name}: starts with user={user.get()}")
    user.set(name)  # changes this task's copy only
    await asyncio.sleep(0)  # let the other tasks run
    print(f"{name}: ends with user={user.get()}")


async def main():
    user.set("alice")
    task = asyncio.create_task(child("task"))
    user.set("bob")  # too late for the task: its copy was taken above
    await task
    print(f"main: user={user.get()} after the task")

    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("first"))
        tg.create_task(child("second"))
    print(f"main: user={user.get()} after the group")


if __name__ == "__main__":
    asyncio.run(main())
