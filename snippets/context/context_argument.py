"""Choosing the context yourself: create_task(context=...) and call_soon(context=...)."""

import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")


def show(where):
    print(f"{where}: request_id={request_id.get()}")


async def set_up():
    request_id.set("req-42")
    show("set_up task")


async def report():
    show("report task")


async def main():
    ctx = contextvars.copy_context()
    # The task runs in ctx itself, not in a copy: what it sets stays in ctx.
    await asyncio.create_task(set_up(), context=ctx)
    show("main")
    print(f"ctx now holds request_id={ctx[request_id]}")

    await asyncio.create_task(report(), context=ctx)
    await asyncio.create_task(report(), context=contextvars.Context())  # an empty context

    loop = asyncio.get_running_loop()
    loop.call_soon(show, "call_soon")
    loop.call_soon(show, "call_soon with context=ctx", context=ctx)
    await asyncio.sleep(0)  # both callbacks were queued before main's next step


if __name__ == "__main__":
    asyncio.run(main())
