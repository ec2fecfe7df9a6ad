import asyncio


async def phase(name, delay):
    print(f"in {name}")
    await asyncio.sleep(delay)
    print(f"done with {name}")
    return f"{name} result"


async def main():
    print("waiting for phases to complete")
    results = await asyncio.gather(
        phase("phase 1", 0.2),
        phase("phase 2", 0.1),
        phase("phase 3", 0.3),
    )
    print(f"results: {results!r}")


if __name__ == "__main__":
    asyncio.run(main())
