import asyncio


def old_forms():
    # Old form (Python 3.4): a generator marked with a decorator, and "yield from".
    try:

        @asyncio.coroutine
        def fetch_old():
            yield from asyncio.sleep(0.1)
            return "data"

    except AttributeError as exc:
        print(f"@asyncio.coroutine: {type(exc).__name__}: {exc}")

    # "yield from" inside "async def": the compiler rejects it.
    source = "async def fetch():\n    yield from asyncio.sleep(0.1)\n"
    try:
        compile(source, "old_style.py", "exec")
    except SyntaxError as exc:
        print(f"yield from in async def: {type(exc).__name__}: {exc.msg}")


# Current form: "async def" and "await".
async def fetch():
    await asyncio.sleep(0.1)
    return "data"


async def main():
    print(f"async def + await: {await fetch()}")


if __name__ == "__main__":
    old_forms()
    asyncio.run(main())
