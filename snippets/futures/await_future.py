"""A coroutine awaits a Future; a plain callback sets its result."""

import asyncio


def mark_done(future, result):
    print(f"setting future result to {result!r}")
    future.set_result(result)


async def main():
    loop = asyncio.get_running_loop()
    all_done = loop.create_future()
    print("scheduling mark_done")
    loop.call_soon(mark_done, all_done, "the result")
    print(f"done before await: {all_done.done()}")
    result = await all_done
    print(f"awaited result: {result!r}")
    print(f"done after await: {all_done.done()}")
    return all_done


if __name__ == "__main__":
    future = asyncio.run(main())
    print(f"result after the loop closed: {future.result()!r}")
