import asyncio

IDLE = 0.15  # give up when nothing arrives for this long
GAPS = [0.1, 0.1, 0.1, 0.5]  # time before each chunk arrives


async def chunks():
    for i, gap in enumerate(GAPS):
        await asyncio.sleep(gap)
        yield f"chunk {i}"


async def main():
    loop = asyncio.get_running_loop()
    print("waiting for data")
    try:
        async with asyncio.timeout(IDLE) as cm:
            async for chunk in chunks():
                print(f"got {chunk}")
                cm.reschedule(loop.time() + IDLE)
    except TimeoutError:
        print(f"nothing for {IDLE} s: giving up")


if __name__ == "__main__":
    asyncio.run(main())
