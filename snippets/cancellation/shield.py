import asyncio


async def save(record):
    print(f"save: writing {record!r}")
    await asyncio.sleep(0.3)
    print("save: written")
    return f"{record} saved"


async def handle_request(save_task):
    try:
        async with asyncio.timeout(0.1):
            return await asyncio.shield(save_task)
    except TimeoutError:
        print(f"handler: gave up waiting; save done? {save_task.done()}")
        return "accepted, saving in the background"


async def main():
    # Keep a reference to the shielded task: shield() does not keep it alive for you.
    save_task = asyncio.create_task(save("order 42"))
    print(f"handler replied: {await handle_request(save_task)!r}")
    # Before the program ends, wait for the work the shield protected.
    print(f"main: {await save_task!r}")


if __name__ == "__main__":
    asyncio.run(main())
