import asyncio
import warnings


async def main():
    return "main() finished"


def old_form():
    # Before Python 3.7: fetch "the" event loop at module level, then run on it.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            loop = asyncio.get_event_loop()
        except RuntimeError as exc:
            print(f"old form: {type(exc).__name__}: {exc}")
            return
    if caught:
        for warning in caught:
            print(f"old form: {warning.category.__name__}: {warning.message}")
    else:
        print("old form: get_event_loop() created a loop, no warning")
    try:
        print(f"old form: {loop.run_until_complete(main())}")
    finally:
        loop.close()
        asyncio.set_event_loop(None)


if __name__ == "__main__":
    old_form()
    # The current form: asyncio.run() creates a loop, runs main(), closes the loop.
    print(f"current form: {asyncio.run(main())}")
