"""Run CPU-bound functions in a ProcessPoolExecutor with loop.run_in_executor()."""

import asyncio
import concurrent.futures
import logging
import multiprocessing


def setup_logging():
    # Called in the parent and, as the pool's initializer, in every worker.
    logging.basicConfig(
        level=logging.INFO,
        format="PID %(process)-7s %(name)-9s %(message)s",
    )


def blocks(n):
    log = logging.getLogger(f"blocks({n})")
    log.info("running")
    sum(i * i for i in range(300_000))  # pure Python work: it holds the GIL
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
    # Required: with "spawn", each worker imports this file as a module.
    setup_logging()
    # The workers start when the first calls are submitted. Leaving the with block
    # waits for them to exit: here, outside the event loop.
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=3,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=setup_logging,
    ) as executor:
        asyncio.run(main(executor))
