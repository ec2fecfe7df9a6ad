"""The fix for a forgotten await: await the coroutines (here all at once)."""

import asyncio


async def save(record, saved):
    await asyncio.sleep(0.01)  # stands for a write to a database
    saved.append(record)


async def main():
    saved = []
    writes = [save(record, saved) for record in ["alice", "bob"]]
    await asyncio.gather(*writes)
    print(f"saved: {saved}")


if __name__ == "__main__":
    asyncio.run(main())
