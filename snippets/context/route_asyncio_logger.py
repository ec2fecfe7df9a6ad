"""Quieting the asyncio logger and giving it a handler of its own."""

import asyncio
import logging
import sys

log = logging.getLogger("app")


def failing_callback():
    raise RuntimeError("callback failed")


async def main():
    log.debug("scheduling a callback that fails")
    asyncio.get_running_loop().call_soon(failing_callback)
    await asyncio.sleep(0.05)
    log.debug("main done")


def setup_logging():
    # The application logs everything from DEBUG up, to stderr.
    logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")

    # asyncio: only WARNING and above, to a handler of its own, not to the root's.
    aio = logging.getLogger("asyncio")
    aio.setLevel(logging.WARNING)
    handler = logging.StreamHandler(sys.stderr)  # in a real program: a file, syslog, ...
    handler.setFormatter(logging.Formatter("[asyncio] %(levelname)s %(message)s"))
    aio.addHandler(handler)
    aio.propagate = False


if __name__ == "__main__":
    setup_logging()
    asyncio.run(main())
