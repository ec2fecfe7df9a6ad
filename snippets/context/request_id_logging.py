"""A request id in a ContextVar follows each request into its tasks and its log lines."""

import asyncio
import contextvars
import logging

request_id = contextvars.ContextVar("request_id", default="-")
log = logging.getLogger("app")


class RequestIdFilter(logging.Filter):
    """Adds the current request id to every record that reaches the handler."""

    def filter(self, record):
        record.request_id = request_id.get()
        return True


async def fetch(part, delay):
    log.info("fetching %s", part)
    await asyncio.sleep(delay)  # stands for a database query
    log.info("fetched %s", part)


async def handle(rid, path, delay):
    request_id.set(rid)  # the tasks created below inherit it
    log.info("start %s", path)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fetch("user", delay))
        tg.create_task(fetch("orders", 2 * delay))
    log.info("done %s", path)


async def main():
    log.info("server ready")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(handle("req-1", "/a", 0.1))
        tg.create_task(handle("req-2", "/b", 0.15))
    log.info("server stopped")


def setup_logging():
    handler = logging.StreamHandler()  # writes to stderr
    handler.setFormatter(logging.Formatter("%(request_id)s %(name)s: %(message)s"))
    handler.addFilter(RequestIdFilter())  # on the handler: sees records from every logger
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


if __name__ == "__main__":
    setup_logging()
    asyncio.run(main())
