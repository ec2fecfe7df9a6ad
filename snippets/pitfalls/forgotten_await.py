"""A forgotten await: the coroutines never run, and Python only warns about it."""

import asyncio
import warnings


async def save(record, saved):
    await asyncio.sleep(0.01)  # stands for a write to a database
    saved.append(record)


async def main():
    saved = []
    # Record the warnings and print them ourselves, instead of letting Python
    # print them (or, under -W error, turn them into errors nobody can catch).
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        writes = [save(record, saved) for record in ["alice", "bob"]]  # bug: no await
        await asyncio.sleep(0.1)
        print(f"saved: {saved}")
        del writes  # the last reference goes: the coroutines are destroyed, never run
    for w in caught:
        print(warnings.formatwarning(w.message, w.category, w.filename, w.lineno), end="")


if __name__ == "__main__":
    asyncio.run(main())
