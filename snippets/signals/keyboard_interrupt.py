"""What asyncio.run() does with Ctrl-C: cancel the main task, then raise KeyboardInterrupt."""

import asyncio
import os
import signal


async def main():
    loop = asyncio.get_running_loop()
    # Pretend someone presses Ctrl-C in 0.1 seconds.
    loop.call_later(0.1, os.kill, os.getpid(), signal.SIGINT)
    try:
        print("main: working")
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("main: CancelledError, cleaning up")
        raise  # let asyncio.run() see the cancellation
    finally:
        print("main: finally block ran")


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        print("caller: KeyboardInterrupt from asyncio.run()")
    print("caller: exiting normally")
