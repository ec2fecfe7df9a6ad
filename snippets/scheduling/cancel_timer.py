"""call_later() and call_at() return a handle; cancel() stops a callback that has not run yet."""

import asyncio


def remind(what):
    print(f"reminder: {what}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    tea = loop.call_at(start + 0.1, remind, "tea is ready")
    meeting = loop.call_later(0.2, remind, "meeting starts")
    print(f"tea handle is due {tea.when() - start:.1f}s after start")
    meeting.cancel()
    print(f"meeting handle cancelled: {meeting.cancelled()}")
    await asyncio.sleep(0.3)
    print(f"tea handle cancelled: {tea.cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())
