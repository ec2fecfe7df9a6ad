import asyncio

MIRRORS = {"mirror-a": 0.4, "mirror-b": 0.1, "mirror-c": 0.3}


async def download(mirror, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{mirror}: cancelled")
        raise
    print(f"{mirror}: finished")
    return f"data from {mirror}"


async def main():
    tasks = [
        asyncio.create_task(download(name, delay), name=name)
        for name, delay in MIRRORS.items()
    ]
    print(f"downloading from {len(tasks)} mirrors")
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for t in done:
        print(f"first result: {t.result()!r}")
    print(f"still pending: {sorted(t.get_name() for t in pending)}")
    for t in tasks:
        if t in pending:
            t.cancel()
    if pending:
        await asyncio.wait(pending)
    print("the other downloads are cancelled")


if __name__ == "__main__":
    asyncio.run(main())
