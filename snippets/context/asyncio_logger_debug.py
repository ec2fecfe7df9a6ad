"""What the asyncio logger reports at DEBUG level, with debug mode off and on."""

import asyncio
import logging
import time

log = logging.getLogger("app")


async def main():
    await asyncio.sleep(0)
    time.sleep(0.15)  # blocks the event loop on purpose: one slow step


if __name__ == "__main__":
    logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")
    for debug in (False, True):
        log.info("asyncio.run(main(), debug=%s)", debug)
        asyncio.run(main(), debug=debug)
    log.info("finished")
