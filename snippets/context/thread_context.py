"""to_thread() carries the context into the thread; run_in_executor() does not."""

import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")


def blocking_work(how):
    # Runs in a thread of the default executor.
    return f"{how:28} -> request_id={request_id.get()}"


async def main():
    request_id.set("req-7")
    loop = asyncio.get_running_loop()

    print(await asyncio.to_thread(blocking_work, "to_thread"))
    print(await loop.run_in_executor(None, blocking_work, "run_in_executor"))

    # What to_thread() does for you: run the function inside a copy of the context.
    ctx = contextvars.copy_context()
    print(await loop.run_in_executor(None, ctx.run, blocking_work, "run_in_executor + ctx.run"))


if __name__ == "__main__":
    asyncio.run(main())
