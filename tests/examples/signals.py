"""Checks for the signals chapter: add_signal_handler(), SIGTERM shutdown, Ctrl-C."""

from tests.checks import check


@check("signals/signal_handlers.py")
def _(run):
    # Each handler runs in the event loop, right after the signal is sent; SIGINT stops main().
    # remove_signal_handler() leaves SIGINT with Python's default_int_handler, not the handler
    # asyncio.run() had installed (a method of asyncio.Runner), until main() puts that one back.
    assert run.lines == [
        "main: SIGINT handler at start: Runner._on_sigint",
        "main: sending SIGHUP",
        "handler: got SIGHUP",
        "main: sending SIGUSR1",
        "handler: got SIGUSR1",
        "main: sending SIGINT",
        "handler: got SIGINT",
        "main: stop requested, removing handlers",
        "main: SIGINT handler after removing: default_int_handler",
        "main: SIGINT handler put back: Runner._on_sigint",
    ]
    assert run.returncode == 0


@check("signals/sigterm_shutdown.py")
def _(run):
    # Workers clean up after the SIGTERM, and the task group waits for both.
    assert run.lines == [
        "worker 0: started",
        "worker 1: started",
        "main: SIGTERM received, cancelling workers",
        "worker 0: cleaning up",
        "worker 1: cleaning up",
        "main: all workers stopped",
    ]
    assert run.returncode == 0


@check("signals/keyboard_interrupt.py")
def _(run):
    # Ctrl-C: CancelledError inside main(), then KeyboardInterrupt out of asyncio.run().
    assert run.lines == [
        "main: working",
        "main: CancelledError, cleaning up",
        "main: finally block ran",
        "caller: KeyboardInterrupt from asyncio.run()",
        "caller: exiting normally",
    ]
    assert run.returncode == 0
