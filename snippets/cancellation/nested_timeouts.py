import asyncio

STEP_LIMIT = 0.3  # seconds each fetch may take


async def fetch(name, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        count = asyncio.current_task().cancelling()
        print(f"{name}: cancelled, cancelling() = {count}")
        raise
    return f"{name}: fresh data"


async def fetch_or_cached(name, delay, deadline):
    """Fetch within STEP_LIMIT seconds (never past the deadline), else use a cached copy."""
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(min(deadline, loop.time() + STEP_LIMIT)):
            return await fetch(name, delay)
    except TimeoutError:
        print(f"{name}: too slow, using the cached copy")
        return f"{name}: cached data"


async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.7  # for the whole page
    try:
        async with asyncio.timeout_at(deadline) as page:
            print(await fetch_or_cached("prices", 0.1, deadline))
            print(await fetch_or_cached("stock", 1.0, deadline))
            print(await fetch_or_cached("reviews", 1.0, deadline))
    except TimeoutError:
        print(f"the page took too long (page deadline expired: {page.expired()})")


if __name__ == "__main__":
    asyncio.run(main())
