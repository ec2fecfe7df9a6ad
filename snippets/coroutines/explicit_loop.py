import asyncio


async def step(name):
    loop = asyncio.get_running_loop()
    print(f"{name}: running in loop {id(loop) % 10_000:04}")
    return name.upper()


def main():
    # One loop for several top-level calls; the with-block closes it at the end.
    with asyncio.Runner() as runner:
        first = runner.run(step("first"))
        second = runner.run(step("second"))
        loop = runner.get_loop()
        print(f"results: {first}, {second}; loop closed: {loop.is_closed()}")
    print(f"after the with-block, loop closed: {loop.is_closed()}")


if __name__ == "__main__":
    main()
