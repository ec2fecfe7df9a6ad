"""One asyncio.Runner, several top-level calls: one event loop and one context for all."""

import asyncio
import contextvars

session = contextvars.ContextVar("session", default="none")


async def keepalive():
    # A background task: it outlives the call that started it.
    try:
        await asyncio.Event().wait()
    except asyncio.CancelledError:
        print("keepalive: cancelled as the runner closes")
        raise


async def connect():
    session.set("session-1")
    return asyncio.create_task(keepalive())


async def query(n):
    await asyncio.sleep(0.05)  # stands for a request to a server
    return f"query {n} ran in {session.get()}"


def main():
    # Plain synchronous code, such as a command-line tool, that needs async calls.
    with asyncio.Runner() as runner:
        loop = runner.get_loop()  # created here, before any call runs
        keepalive_task = runner.run(connect())
        for n in range(2):
            print(runner.run(query(n)))
        print(f"keepalive still running between calls: {not keepalive_task.done()}")
    print(
        f"after the with-block: loop closed {loop.is_closed()}, "
        f"keepalive cancelled {keepalive_task.cancelled()}"
    )


if __name__ == "__main__":
    main()
