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
    at = dict(zip(run.lines, run.times, strict=True))
    # A timer never fires before its delay has passed (offsets count from process start).
    assert at["callback 3 invoked"] >= 0.1
    assert at["callback 2 invoked"] >= 0.2
    assert at["callback 1 invoked"] >= 0.3
    assert at["main done"] >= 0.4
    # Counted from the first line, each timer comes at least about its delay later
    # (generous slack: the first line's own timestamp may be read late).
    first = run.times[0]
    assert at["callback 3 invoked"] - first >= 0.05
    assert at["callback 2 invoked"] - first >= 0.15
    assert at["callback 1 invoked"] - first >= 0.25
    assert run.times == sorted(run.times)


@check("scheduling/call_at.py")
def _(run):
    assert len(run.lines) == 7
    assert run.lines[3] == "registering callbacks"
    clocks = {}
    for line in run.lines[:3]:
        name, value = line.split(":", 1)
        clocks[name] = float(value)
    assert list(clocks) == ["time.time()", "time.monotonic()", "loop.time()"]
    # loop.time() is the monotonic clock, read just after time.monotonic().
    assert clocks["time.monotonic()"] <= clocks["loop.time()"] < clocks["time.monotonic()"] + 5
    invoked = []
    for line in run.lines[4:]:
        match = re.fullmatch(r"callback (\d) invoked at loop time (\d+\.\d{3})", line)
        assert match, line
        invoked.append((match.group(1), float(match.group(2))))
    assert [n for n, _ in invoked] == ["3", "2", "1"]
    now = clocks["loop.time()"]
    when = dict(invoked)
    # Each callback runs at or after its deadline on the loop clock (0.001 for rounding).
    assert when["3"] >= now
    assert when["2"] >= now + 0.1 - 0.001
    assert when["1"] >= now + 0.2 - 0.001


@check("scheduling/cancel_timer.py")
def _(run):
    # The cancelled timer never fires; the other one fires once its delay has passed.
    assert run.lines == [
        "tea handle is due 0.1s after start",
        "meeting handle cancelled: True",
        "reminder: tea is ready",
        "tea handle cancelled: False",
    ]
