import asyncio


async def step(name, delay):
    print(f"{name}: start")
    await asyncio.sleep(delay)
    print(f"{name}: done")


async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.25  # one deadline for the whole job
    async with asyncio.timeout_at(deadline):
        await step("connect", 0.1)
    print("doing other work between the steps")
    try:
        async with asyncio.timeout_at(deadline):
            await step("download", 0.3)
    except TimeoutError:
        print("download: deadline passed")


if __name__ == "__main__":
    asyncio.run(main())
