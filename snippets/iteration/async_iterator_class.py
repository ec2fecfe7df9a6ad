import asyncio

PAGES = [["alice", "bob"], ["carol"], ["dave", "erin"]]  # what the "server" holds


class PagedUsers:
    """Yields user names, fetching one page at a time."""

    def __init__(self):
        self.page = 0
        self.buffer = []

    def __aiter__(self):
        return self  # async for calls this once, before the first item

    async def __anext__(self):
        if not self.buffer:
            if self.page == len(PAGES):
                raise StopAsyncIteration  # ends the async for loop
            print(f"  fetching page {self.page}")
            await asyncio.sleep(0.05)  # stands in for a network request
            self.buffer = list(PAGES[self.page])
            self.page += 1
        return self.buffer.pop(0)


async def main():
    async for name in PagedUsers():
        print(f"user {name}")
    print("loop ended")


if __name__ == "__main__":
    asyncio.run(main())
