"""Keep background tasks referenced, report their failures, and end them at shutdown."""

import asyncio


class BackgroundTasks:
    def __init__(self):
        self._tasks = set()  # the strong references the event loop does not keep

    def spawn(self, coro, name):
        task = asyncio.create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task):
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            print(f"{task.get_name()} failed: {task.exception()!r}")  # a real program logs it

    def names(self):
        return sorted(task.get_name() for task in self._tasks)

    async def aclose(self):
        for task in self._tasks:
            task.cancel()
        # Wait until they have really stopped; wait() raises nothing.
        if self._tasks:
            await asyncio.wait(self._tasks)


async def send_email(to, delay):
    await asyncio.sleep(delay)
    if "@" not in to:
        raise ValueError(f"bad address {to!r}")
    print(f"sent to {to}")


async def main():
    background = BackgroundTasks()
    try:
        ann = background.spawn(send_email("ann@example.com", 0.1), name="email-ann")
        bob = background.spawn(send_email("bob", 0.15), name="email-bob")
        background.spawn(send_email("cy@example.com", 10), name="email-cy")
        # A real program goes on with its own work; the demo waits for two of the jobs.
        await asyncio.wait([ann, bob])
        print(f"still running: {background.names()}")
    finally:
        await background.aclose()
    print(f"after aclose(): {background.names()}")


if __name__ == "__main__":
    asyncio.run(main())
