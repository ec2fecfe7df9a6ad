import asyncio


async def phase(i):
    print(f"in phase {i}")
    try:
        await asyncio.sleep(0.1 * (i + 1))
    except asyncio.CancelledError:
        print(f"phase {i} cancelled")
        raise
    print(f"done with phase {i}")
    return f"phase {i} result"


async def main():
    tasks = [asyncio.create_task(phase(i)) for i in range(3)]
    print("waiting 0.15 s for phases to complete")
    done, pending = await asyncio.wait(tasks, timeout=0.15)
    print(f"{len(done)} done, {len(pending)} pending")
    print("cancelling the pending tasks")
    for t in tasks:
        if t in pending:
            t.cancel()
    if pending:
        # Wait until the cancelled tasks have really finished.
        await asyncio.wait(pending)
    print(f"cancelled: {[t.cancelled() for t in tasks]}")
    print("exiting main")


if __name__ == "__main__":
    asyncio.run(main())
