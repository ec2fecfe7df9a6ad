"""Checks for the scheduling chapter: call_soon, call_later, call_at and timer handles."""

import re

from tests.checks import check


@check("scheduling/call_soon.py")
def _(run):
    # Nothing runs until main() yields; then the callbacks run first in, first out.
    assert run.lines == [
        "registering callbacks",
        "main yields to the event loop",
        "callback invoked with 1 and default",
        "callback invoked with 2 and not default",
        "callback invoked with 3 and default",
        "main resumes",
    ]


@check("scheduling/call_later.py")
def _(run):
    # Registered as 1, 2, 3 with delays 0.3, 0.2, 0.1: they run by deadline, 3, 2, 1,
    # after the call_soon() callback.
    assert run.lines == [
        "registering callbacks",
        "callback soon invoked",
        "callback 3 invoked",
        "callback 2 invoked",
        "callback 1 invoked",
        "main done",
    ]
    # The page: callbacks 3, 2 and 1 come about 0.1, 0.2 and 0.3 s after the first line. The
    # runner stamps a line when it reads it, which on a loaded machine can be more than 0.1 s
    # late for any line, so two stamps are never compared. run.times counts from before the
    # process started, and no stamp precedes its print: so it is never less than the time since
    # the first print, and these lower bounds need no slack. Only the order is asserted beyond.
    at = dict(zip(run.lines, run.times, strict=True))
    assert at["callback 3 invoked"] >= 0.1
    assert at["callback 2 invoked"] >= 0.2
    assert at["callback 1 invoked"] >= 0.3
    assert at["main done"] >= 0.4


@check("scheduling/call_at.py")
def _(run):
    assert len(run.lines) == 7
    assert run.lines[3] == "registering callbacks"
    clocks = {}
    for line in run.lines[:3]:
        name, value = line.split(":", 1)
        clocks[name] = float(value)
    assert list(clocks) == ["time.time()", "time.monotonic()", "loop.time()"]
    # Only the first value stands out: the wall clock counts from 1970 (more than 10**9 s
    # by now), the monotonic clock from an arbitrary point such as boot.
    assert clocks["time.time()"] > 1e9
    assert clocks["time.time()"] - clocks["time.monotonic()"] > 1e8
    # loop.time() is the monotonic clock, read just after time.monotonic() (the values are
    # printed to the millisecond; 0.5 s is room for a loaded machine).
    assert clocks["time.monotonic()"] <= clocks["loop.time()"] < clocks["time.monotonic()"] + 0.5
    invoked = []
    for line in run.lines[4:]:
        match = re.fullmatch(r"callback (\d) invoked at loop time (\d+\.\d{3})", line)
        assert match, line
        invoked.append((match.group(1), float(match.group(2))))
    assert [n for n, _ in invoked] == ["3", "2", "1"]
    now = clocks["loop.time()"]
    when = dict(invoked)
    # Each callback runs at or after its deadline on the loop clock: 0.001 for the rounding of
    # the printed values (a timer may fire one clock tick early, a nanosecond on Linux). In the
    # browser, Pyodide's loop runs a timer when setTimeout() fires, and setTimeout() drops the
    # fraction of a millisecond: up to 0.001 more there, as the page says.
    slack = 0.001 + (0.001 if run.browser else 0.0) + 1e-9
    assert when["3"] >= now
    assert when["2"] >= now + 0.1 - slack
    assert when["1"] >= now + 0.2 - slack


@check("scheduling/cancel_timer.py")
def _(run):
    # The cancelled timer never fires; the other one fires once its delay has passed.
    assert run.lines == [
        "tea handle is due 0.1s after start",
        "meeting handle cancelled: True",
        "reminder: tea is ready",
        "tea handle cancelled: False",
    ]
