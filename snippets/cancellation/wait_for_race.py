import asyncio
import sys


async def request(reply):
    try:
        result = await asyncio.wait_for(reply, timeout=1)
    except asyncio.CancelledError:
        print("request: wait_for raised CancelledError")
        raise
    count = asyncio.current_task().cancelling()
    print(f"request: wait_for returned {result!r}, cancelling() = {count}")
    return result


async def main():
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    loop = asyncio.get_running_loop()
    reply = loop.create_future()
    task = asyncio.create_task(request(reply))

    def reply_and_cancel():
        # In one turn of the event loop, the reply arrives and the request is cancelled.
        reply.set_result("pong")
        print(f"callback: cancel() returned {task.cancel()}")

    loop.call_later(0.1, reply_and_cancel)
    await asyncio.wait([task])
    print(f"main: request cancelled? {task.cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())
