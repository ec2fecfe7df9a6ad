import asyncio


async def slow_operation():
    try:
        await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        print("slow_operation: cancelled")
        raise
    return "finished"


async def main():
    try:
        async with asyncio.timeout(0.1) as cm:
            print("calling slow_operation()")
            await slow_operation()
    except TimeoutError:
        print("timed out")
    print(f"expired: {cm.expired()}")


if __name__ == "__main__":
    asyncio.run(main())
