"""An event loop in a background thread, used from synchronous code in the main thread."""

import asyncio
import threading


class LoopThread:
    """Runs asyncio.run() in its own thread until stop() is called."""

    def __init__(self):
        self._thread = threading.Thread(target=self._run, name="loop-thread")
        self._started = threading.Event()

    def _run(self):
        asyncio.run(self._serve())

    async def _serve(self):
        self.loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        self._started.set()
        await self._stopping.wait()
        print(f"{threading.current_thread().name}: stopping, asyncio.run() cleans up")

    def start(self):
        self._thread.start()
        self._started.wait()  # self.loop exists from here on

    def submit(self, coro):
        # Thread-safe: returns a concurrent.futures.Future.
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def stop(self):
        # Event.set() is not thread-safe: have the loop's own thread call it.
        self.loop.call_soon_threadsafe(self._stopping.set)
        self._thread.join()


async def fetch(key):
    await asyncio.sleep(0.1)  # stands for a request to a server
    return f"{key} fetched in {threading.current_thread().name}"


def main():
    worker = LoopThread()
    worker.start()
    try:
        futures = [worker.submit(fetch(key)) for key in ("a", "b", "c")]
        for future in futures:
            print(f"{threading.current_thread().name}: {future.result(timeout=5)}")
    finally:
        worker.stop()
    print(f"{threading.current_thread().name}: loop closed {worker.loop.is_closed()}")


if __name__ == "__main__":
    main()
