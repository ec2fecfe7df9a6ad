"""Handle Unix signals in the event loop with loop.add_signal_handler()."""

import asyncio
import os
import signal


def on_signal(name, stop):
    print(f"handler: got {name}")
    if name == "SIGINT":
        stop.set()


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGHUP, signal.SIGUSR1, signal.SIGINT):
        # The handler is a plain function, called by the loop with these arguments.
        loop.add_signal_handler(sig, on_signal, sig.name, stop)

    for sig in (signal.SIGHUP, signal.SIGUSR1, signal.SIGINT):
        print(f"main: sending {sig.name}")
        os.kill(os.getpid(), sig)
        await asyncio.sleep(0.1)

    await stop.wait()
    print("main: stop requested, removing handlers")
    for sig in (signal.SIGHUP, signal.SIGUSR1, signal.SIGINT):
        loop.remove_signal_handler(sig)
    print("main: clean shutdown")


if __name__ == "__main__":
    asyncio.run(main())
