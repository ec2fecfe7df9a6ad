import asyncio

PAGES = [["alice", "bob"], ["carol"], ["dave", "erin"]]  # what the "server" holds


async def paged_users():
    for number, page in enumerate(PAGES):
        print(f"  fetching page {number}")
        await asyncio.sleep(0.05)  # stands in for a network request
        for name in page:
            yield name  # paused here until the loop asks for the next item


async def main():
    users = paged_users()
    print(f"{type(users).__name__}, nothing fetched yet")
    async for name in users:
        print(f"user {name}")
    print("loop ended")


if __name__ == "__main__":
    asyncio.run(main())
