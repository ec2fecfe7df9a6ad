import asyncio


async def phase(i):
    print(f"in phase {i}")
    await asyncio.sleep(0.3 - 0.1 * i)
    print(f"done with phase {i}")
    return f"phase {i} result"


async def main():
    tasks = [asyncio.create_task(phase(i)) for i in range(3)]
    print("waiting for phases to complete")
    done, pending = await asyncio.wait(tasks)
    print(f"{len(done)} done, {len(pending)} pending")
    # done is a set: read the results through your own list to keep its order.
    print(f"results: {[t.result() for t in tasks]!r}")


if __name__ == "__main__":
    asyncio.run(main())
