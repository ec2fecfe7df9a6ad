"""Run blocking functions in a ThreadPoolExecutor with loop.run_in_executor()."""

import asyncio
import concurrent.futures
import logging
import time


def blocks(n):
    # An ordinary blocking function: it knows nothing about asyncio.
    log = logging.getLogger(f"blocks({n})")
    log.info("running")
    time.sleep(0.1)
    log.info("done")
    return n**2


async def main(executor):
    log = logging.getLogger("main")
    loop = asyncio.get_running_loop()
    log.info("submitting 6 calls")
    futures = [loop.run_in_executor(executor, blocks, n) for n in range(6)]
    log.info("waiting for the results")
    results = await asyncio.gather(*futures)
    log.info(f"results: {results}")


if __name__ == "__main__":
    # Each line names the thread it comes from.
    logging.basicConfig(
        level=logging.INFO,
        format="%(threadName)-23s %(name)-9s %(message)s",
    )
    # At most three threads: six calls take two rounds. The pool outlives the event
    # loop: leaving the with block waits for its threads, here and not in a coroutine.
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor:
        asyncio.run(main(executor))
