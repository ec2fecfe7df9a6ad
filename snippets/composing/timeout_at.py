import asyncio


async def step(name, delay):
    print(f"{name}: start")
    await asyncio.sleep(delay)
    print(f"{name}: done")


async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.3  # one deadline for the whole job
    try:
        async with asyncio.timeout_at(deadline):
            await step("connect", 0.1)
        print("doing other work between the steps")
        async with asyncio.timeout_at(deadline):
            await step("download", 0.5)
    except TimeoutError:
        print("deadline passed")


if __name__ == "__main__":
    asyncio.run(main())
