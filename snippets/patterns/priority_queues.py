import asyncio
import itertools
from dataclasses import dataclass, field


@dataclass(order=True)
class Job:
    priority: int
    seq: int  # breaks ties: equal priorities come out in the order they went in
    payload: dict = field(compare=False)  # never compared


async def drain(queue):
    items = []
    while not queue.empty():
        items.append(await queue.get())
        queue.task_done()
    return items


async def main():
    lifo = asyncio.LifoQueue()
    for name in ["first", "second", "third"]:
        await lifo.put(name)
    print(f"LifoQueue: {await drain(lifo)}")

    jobs = asyncio.PriorityQueue()
    seq = itertools.count()
    for priority, name in [(2, "report"), (1, "alert"), (2, "backup"), (1, "page")]:
        await jobs.put(Job(priority, next(seq), {"name": name}))
    order = [(job.priority, job.payload["name"]) for job in await drain(jobs)]
    print(f"PriorityQueue: {order}")

    plain = asyncio.PriorityQueue()
    await plain.put((1, {"name": "alert"}))
    try:
        await plain.put((1, {"name": "page"}))  # equal priorities: the dicts get compared
    except TypeError as exc:
        print(f"plain tuples: TypeError: {exc}")
    print(f"the failed put left qsize() == {plain.qsize()}")


if __name__ == "__main__":
    asyncio.run(main())
