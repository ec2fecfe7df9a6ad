import asyncio

subscriptions = []  # outlives main(): the generators in it are never garbage


async def updates(topic):
    print(f"{topic}: subscribed")
    try:
        n = 0
        while True:
            await asyncio.sleep(0.05)
            n += 1
            yield f"{topic} update {n}"
    finally:
        # Runs only when someone closes the generator.
        await asyncio.sleep(0.05)  # e.g. tell the server we are leaving
        print(f"{topic}: unsubscribed")


async def main():
    stream = updates("prices")
    subscriptions.append(stream)
    async for update in stream:
        print(f"got {update}")
        if update.endswith("2"):
            break
    print("main returns; the generator is still suspended at its yield")


if __name__ == "__main__":
    asyncio.run(main())
    print("asyncio.run() returned")
