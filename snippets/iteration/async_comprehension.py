import asyncio
import time

PAGES = [["alice", "bob"], ["carol"], ["dave", "erin"]]


async def paged_users():
    for page in PAGES:
        await asyncio.sleep(0.05)  # stands in for a network request
        for name in page:
            yield name


async def lookup(name):
    await asyncio.sleep(0.1)  # stands in for a request about one user
    return len(name)


async def main():
    # async for inside a comprehension: consume an async iterator.
    long_names = [name async for name in paged_users() if len(name) > 3]
    print(f"long names: {long_names}")

    # await inside a comprehension: one await after the other, not concurrently.
    start = time.perf_counter()
    lengths = [await lookup(name) for name in long_names]
    elapsed = time.perf_counter() - start
    print(f"lengths: {lengths}")
    print(
        f"{len(long_names)} lookups took at least {len(long_names) * 0.1:.1f} s: "
        f"{elapsed >= len(long_names) * 0.1}"
    )

    # For concurrent lookups, create tasks instead.
    start = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(lookup(name)) for name in long_names]
    elapsed = time.perf_counter() - start
    print(f"lengths: {[t.result() for t in tasks]}")
    print(
        f"with a task group they took less than {len(long_names) * 0.1:.1f} s: "
        f"{elapsed < len(long_names) * 0.1}"
    )


if __name__ == "__main__":
    asyncio.run(main())
