import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        print(f"{name} failing")
        raise ValueError(f"{name} failed")
    print(f"{name} finished")
    return f"{name} ok"


async def main():
    print("return_exceptions=True:")
    results = await asyncio.gather(
        job("a", 0.3),
        job("b", 0.1, fail=True),
        job("c", 0.4),
        return_exceptions=True,
    )
    print(f"results: {results!r}")

    print("default (return_exceptions=False):")
    tasks = [
        asyncio.create_task(job("a", 0.3), name="a"),
        asyncio.create_task(job("b", 0.1, fail=True), name="b"),
        asyncio.create_task(job("c", 0.4), name="c"),
    ]
    try:
        results = await asyncio.gather(*tasks)
    except ValueError as exc:
        print(f"gather raised {exc!r}")
    print(f"still running: {[t.get_name() for t in tasks if not t.done()]}")
    # gather() did not cancel them: wait for them before going on.
    await asyncio.wait(tasks)
    print(f"a: {tasks[0].result()!r}, c: {tasks[2].result()!r}")


if __name__ == "__main__":
    asyncio.run(main())
