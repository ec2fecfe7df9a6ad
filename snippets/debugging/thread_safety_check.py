"""Debug mode catches a call into the event loop from the wrong thread."""

import asyncio


async def main():
    loop = asyncio.get_running_loop()

    def in_worker_thread():
        # Right: the thread-safe way to hand the loop a callback.
        loop.call_soon_threadsafe(print, "event loop: call_soon_threadsafe() callback ran")
        try:
            # Wrong: call_soon() may only be called from the loop's own thread.
            loop.call_soon(print, "this callback is never scheduled")
        except RuntimeError as exc:
            return f"RuntimeError: {exc}"
        return "no error"

    outcome = await asyncio.to_thread(in_worker_thread)
    print(f"main: call_soon() in the worker thread raised {outcome}")


if __name__ == "__main__":
    asyncio.run(main(), debug=True)
