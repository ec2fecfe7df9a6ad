import asyncio


async def main():
    lock = asyncio.Lock()

    # Old form (removed in Python 3.9): "with await lock" or "with (yield from lock)".
    try:
        with await lock:
            pass
    except TypeError as exc:
        print(f"with await lock: {type(exc).__name__}: {exc}")
    print(f"lock left unlocked: {not lock.locked()}")

    # Old form (removed in Python 3.10): pass the loop explicitly.
    loop = asyncio.get_running_loop()
    try:
        asyncio.Lock(loop=loop)
    except TypeError as exc:
        print(f"Lock(loop=loop): {type(exc).__name__}: {exc}")

    # Current form: "async with" acquires the lock and always releases it.
    async with lock:
        print(f"inside async with: locked={lock.locked()}")
    print(f"after async with: locked={lock.locked()}")


if __name__ == "__main__":
    asyncio.run(main())
