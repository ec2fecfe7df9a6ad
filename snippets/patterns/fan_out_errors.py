import asyncio

DELAYS = {"alpha": 0.5, "bravo": 0.1, "charlie": 0.2, "delta": 0.05}


async def fetch(name):
    try:
        await asyncio.sleep(DELAYS[name])  # stands for a network call
    except asyncio.CancelledError:
        print(f"  {name}: cancelled")
        raise
    if name == "charlie":
        raise ConnectionResetError(f"{name}: connection reset")
    return name.upper()


async def fail_fast():
    results = {}

    async def one(name):
        results[name] = await fetch(name)

    try:
        async with asyncio.TaskGroup() as tg:
            for name in DELAYS:
                tg.create_task(one(name))
    except* ConnectionError as eg:
        print(f"  failed: {eg.exceptions!r}")
    print(f"  results: {results}")


async def keep_going():
    results = {}

    async def one(name):
        try:
            results[name] = await fetch(name)
        except Exception as exc:  # the error becomes a value; CancelledError still passes
            results[name] = exc

    async with asyncio.TaskGroup() as tg:
        for name in DELAYS:
            tg.create_task(one(name))
    print(f"  results: {results}")


async def main():
    print("fail fast (TaskGroup):")
    await fail_fast()
    print("keep going (errors as values):")
    await keep_going()


if __name__ == "__main__":
    asyncio.run(main())
