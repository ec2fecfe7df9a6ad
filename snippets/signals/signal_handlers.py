"""Handle Unix signals in the event loop with loop.add_signal_handler()."""

import asyncio
import os
import signal

SIGNALS = (signal.SIGHUP, signal.SIGUSR1, signal.SIGINT)


def on_signal(name, stop):
    print(f"handler: got {name}")
    if name == "SIGINT":
        stop.set()


def sigint_handler():
    """The name of the function that SIGINT calls now."""
    handler = signal.getsignal(signal.SIGINT)
    handler = getattr(handler, "func", handler)  # asyncio.run() installs a functools.partial
    return getattr(handler, "__qualname__", repr(handler))


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    print(f"main: SIGINT handler at start: {sigint_handler()}")
    ctrl_c = signal.getsignal(signal.SIGINT)  # asyncio.run()'s: Ctrl-C cancels main()
    for sig in SIGNALS:
        # The handler is a plain function, called by the loop with these arguments.
        loop.add_signal_handler(sig, on_signal, sig.name, stop)
    try:
        for sig in SIGNALS:
            print(f"main: sending {sig.name}")
            os.kill(os.getpid(), sig)
            await asyncio.sleep(0.1)
        await stop.wait()
        print("main: stop requested, removing handlers")
    finally:
        for sig in SIGNALS:
            loop.remove_signal_handler(sig)
        print(f"main: SIGINT handler after removing: {sigint_handler()}")
        # That plain handler raises KeyboardInterrupt wherever the loop happens to be.
        # Give Ctrl-C back to asyncio.run(), which cancels main() instead.
        signal.signal(signal.SIGINT, ctrl_c)
    print(f"main: SIGINT handler put back: {sigint_handler()}")


if __name__ == "__main__":
    asyncio.run(main())
