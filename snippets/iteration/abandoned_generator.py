import asyncio
from contextlib import aclosing


async def rows(label, consumer):
    try:
        for i in range(10):
            await asyncio.sleep(0.01)  # e.g. fetch the next row
            yield i
    finally:
        same = asyncio.current_task() is consumer
        print(f"{label}: cleanup, in the consumer's task: {same}")


async def first_rows(label, n, close):
    me = asyncio.current_task()
    if close:
        async with aclosing(rows(label, me)) as stream:
            async for i in stream:
                if i == n:
                    break
    else:
        async for i in rows(label, me):
            if i == n:
                break
    print(f"{label}: left the loop")
    await asyncio.sleep(0.1)  # the consumer carries on with other work
    print(f"{label}: consumer done")


async def main():
    await first_rows("plain async for", 2, close=False)
    await first_rows("with aclosing()", 2, close=True)


if __name__ == "__main__":
    asyncio.run(main())
