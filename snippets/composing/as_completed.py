import asyncio


async def phase(i):
    print(f"in phase {i}")
    await asyncio.sleep(0.1 + 0.2 * (2 - i))
    print(f"done with phase {i}")
    return f"phase {i} result"


async def main():
    tasks = [asyncio.create_task(phase(i)) for i in range(3)]
    print("waiting for phases to complete")
    results = []
    for next_done in asyncio.as_completed(tasks):
        answer = await next_done
        print(f"received answer {answer!r}")
        results.append(answer)
    print(f"results: {results!r}")


if __name__ == "__main__":
    asyncio.run(main())
