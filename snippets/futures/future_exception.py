"""A Future can finish with an exception; awaiting it raises that exception."""

import asyncio


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    try:
        future.result()
    except asyncio.InvalidStateError as exc:
        print(f"result() too early: {type(exc).__name__}: {exc}")

    print("scheduling set_exception(ValueError('bad input'))")
    loop.call_soon(future.set_exception, ValueError("bad input"))
    try:
        await future
    except ValueError as exc:
        print(f"await raised {type(exc).__name__}: {exc}")

    print(f"done: {future.done()}")
    print(f"exception(): {future.exception()!r}")
    try:
        future.result()
    except ValueError as exc:
        print(f"result() raised {type(exc).__name__}: {exc}")


if __name__ == "__main__":
    asyncio.run(main())
