import asyncio


class Found(Exception):
    """Raised by a task to end its task group early, carrying the answer."""

    def __init__(self, value):
        super().__init__(value)
        self.value = value


async def search(mirror, delay, has_file):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{mirror}: cancelled")
        raise
    if has_file:
        print(f"{mirror}: found it")
        raise Found(f"file from {mirror}")
    print(f"{mirror}: not here")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(search("mirror-a", 0.1, has_file=False))
            tg.create_task(search("mirror-b", 0.2, has_file=True))
            tg.create_task(search("mirror-c", 0.5, has_file=True))
            tg.create_task(search("mirror-d", 0.6, has_file=False))
    except* Found as eg:
        answers = [exc.value for exc in eg.exceptions]
        print(f"group ended early with {answers}")
    else:
        print("no mirror has the file")


if __name__ == "__main__":
    asyncio.run(main())
