"""A coroutine that is never awaited, with and without debug mode."""

import asyncio
import warnings


async def notify(message):
    print(f"notify: {message}")


async def main():
    # Record the warning and print it ourselves, instead of letting Python
    # print it (or, under -W error, turn it into an error).
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reminder = notify("backup finished")  # bug: no await
        await asyncio.sleep(0)
        del reminder  # the coroutine object is destroyed here, unrun
    for w in caught:
        print(warnings.formatwarning(w.message, w.category, w.filename, w.lineno), end="")


if __name__ == "__main__":
    print("--- debug mode off")
    asyncio.run(main(), debug=False)
    print("--- debug mode on")
    asyncio.run(main(), debug=True)
