import asyncio


def unlock(lock):
    print("callback: releasing the lock")
    lock.release()


async def with_async_with(lock):
    print("A: waiting for the lock")
    async with lock:
        print("A: acquired the lock")
    print("A: released the lock")


async def with_acquire_release(lock):
    print("B: waiting for the lock")
    await lock.acquire()
    try:
        print("B: acquired the lock")
    finally:
        lock.release()
    print("B: released the lock")


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    print(f"main: lock held before starting the tasks: {lock.locked()}")

    # A plain callback releases the lock 0.1 seconds from now.
    asyncio.get_running_loop().call_later(0.1, unlock, lock)

    async with asyncio.TaskGroup() as tg:
        tg.create_task(with_async_with(lock))
        tg.create_task(with_acquire_release(lock))
    print(f"main: lock held at the end: {lock.locked()}")


if __name__ == "__main__":
    asyncio.run(main())
