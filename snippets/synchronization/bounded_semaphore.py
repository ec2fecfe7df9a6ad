import asyncio


async def main():
    plain = asyncio.Semaphore(1)
    plain.release()  # one release too many: the counter silently goes up to 2
    async with asyncio.timeout(0.1):  # would fail if a second acquire() had to wait
        await plain.acquire()
        await plain.acquire()
    print("Semaphore(1): an extra release() let two holders in")

    bounded = asyncio.BoundedSemaphore(1)
    async with bounded:
        print("BoundedSemaphore(1): acquired and released once")
    try:
        bounded.release()
    except ValueError as exc:
        print(f"BoundedSemaphore(1): extra release() raised ValueError: {exc}")


if __name__ == "__main__":
    asyncio.run(main())
