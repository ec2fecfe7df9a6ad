import asyncio


async def step(name):
    print(f"{name}: running")
    return asyncio.get_running_loop()


def main():
    # One loop for several top-level calls; the with-block closes it at the end.
    with asyncio.Runner() as runner:
        first = runner.run(step("first"))
        second = runner.run(step("second"))
        print(f"same loop both times: {first is second is runner.get_loop()}")
        print(f"loop closed inside the with-block: {first.is_closed()}")
    print(f"loop closed after the with-block: {first.is_closed()}")


if __name__ == "__main__":
    main()
