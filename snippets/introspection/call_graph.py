import asyncio


async def read_reply(reply_ready):
    await reply_ready.wait()


async def call_service(reply_ready):
    await read_reply(reply_ready)


async def handle_request(reply_ready):
    async with asyncio.TaskGroup() as group:
        group.create_task(call_service(reply_ready), name="call-service")


async def inspect(reply_ready):
    try:
        await asyncio.sleep(0.1)
        inner = next(t for t in asyncio.all_tasks() if t.get_name() == "call-service")
        print(asyncio.format_call_graph(inner))

        graph = asyncio.capture_call_graph(inner)
        names = []
        while graph is not None:
            names.append(graph.future.get_name())
            graph = graph.awaited_by[0] if graph.awaited_by else None
        print(f"awaited by: {' <- '.join(names)}")
    finally:
        reply_ready.set()  # let the request finish even if the inspection failed


async def main():
    asyncio.current_task().set_name("main")
    reply_ready = asyncio.Event()
    inspector = asyncio.create_task(inspect(reply_ready), name="inspector")
    request = asyncio.create_task(handle_request(reply_ready), name="request-7")
    await request
    await inspector


if __name__ == "__main__":
    asyncio.run(main())
