import asyncio
from contextlib import aclosing

IDLE = 0.3  # give up when nothing arrives for this long
GAPS = [0.1, 0.1, 0.1, 0.1, 0.6]  # time before each chunk arrives


async def chunks():
    for i, gap in enumerate(GAPS):
        await asyncio.sleep(gap)
        yield f"chunk {i}"


async def main():
    loop = asyncio.get_running_loop()
    print("waiting for data")
    try:
        async with asyncio.timeout(IDLE) as cm:
            # aclosing(): the generator is closed when the block ends, however it ends.
            async with aclosing(chunks()) as stream:
                async for chunk in stream:
                    print(f"got {chunk}")
                    cm.reschedule(loop.time() + IDLE)
    except TimeoutError:
        print(f"nothing for {IDLE} s: giving up")


if __name__ == "__main__":
    asyncio.run(main())
