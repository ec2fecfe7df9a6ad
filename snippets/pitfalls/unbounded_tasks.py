"""One task per item, with no limit: every item becomes a pending task at once."""

import asyncio


class Connections:
    def __init__(self):
        self.open = 0
        self.peak = 0


async def handle(item, conns):
    conns.open += 1  # stands for opening a connection to a server
    conns.peak = max(conns.peak, conns.open)
    try:
        await asyncio.sleep(0.1)  # the request
    finally:
        conns.open -= 1


async def main():
    conns = Connections()
    async with asyncio.TaskGroup() as tg:
        for item in range(200):  # a fast source: a file, a socket, a database cursor
            tg.create_task(handle(item, conns))  # bug: no limit
        print(f"tasks waiting to run after the loop: {len(asyncio.all_tasks()) - 1}")
    print(f"peak open connections: {conns.peak}")


if __name__ == "__main__":
    asyncio.run(main())
