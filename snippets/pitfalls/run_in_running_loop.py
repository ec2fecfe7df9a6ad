"""asyncio.run() inside a running event loop fails, and leaves an unawaited coroutine."""

import asyncio
import gc
import warnings


async def build_report():
    await asyncio.sleep(0.1)  # stands for queries to a database
    return "report"


def get_report():
    # A synchronous wrapper, as some libraries offer: fine from synchronous code.
    return asyncio.run(build_report())


async def main():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            get_report()  # bug: synchronous wrapper called from a coroutine
        except RuntimeError as exc:
            print(f"RuntimeError: {exc}")
        gc.collect()  # the coroutine is normally freed already; make sure
    for w in caught:
        print(f"{w.category.__name__}: {w.message}")


if __name__ == "__main__":
    asyncio.run(main())
