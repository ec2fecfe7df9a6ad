import asyncio
import os
import sys


def await_chain(task):
    """Each coroutine the task is suspended in, outermost first."""
    chain = []
    coro = task.get_coro()
    while coro is not None and hasattr(coro, "cr_frame"):
        frame = coro.cr_frame
        if frame is None:  # the coroutine has finished
            break
        where = f"{os.path.basename(frame.f_code.co_filename)}:{frame.f_lineno}"
        chain.append(f"{coro.cr_code.co_qualname}() at {where}")
        coro = coro.cr_await
    return chain


async def read_reply(reply_ready):
    await reply_ready.wait()  # nobody ever sets this event


async def call_service(reply_ready):
    await read_reply(reply_ready)


async def handle_request(reply_ready):
    await call_service(reply_ready)


async def main():
    reply_ready = asyncio.Event()
    task = asyncio.create_task(handle_request(reply_ready), name="request-7")
    done, _ = await asyncio.wait([task], timeout=0.2)
    if not done:
        print("request-7 is stuck; print_stack() shows:")
        task.print_stack(file=sys.stdout)
        print(f"get_stack() returned {len(task.get_stack())} frame")
        print("following cr_await instead:")
        for line in await_chain(task):
            print(f"  {line}")

    task.cancel()
    await asyncio.wait([task])  # returns once the task is done, without raising
    print(f"after cancel, get_stack() returns {task.get_stack()}")


if __name__ == "__main__":
    asyncio.run(main())
