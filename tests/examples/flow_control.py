import re

from tests.checks import check

# Byte counts depend on the kernel's socket buffers, so these checks assert relations between
# the numbers (the rules the page states), never the numbers themselves. Times are asserted only
# as lower bounds from the start of the process (see tests/examples/composing.py).

LOW, HIGH = 16 * 1024, 64 * 1024  # the default water marks the page quotes


def _writes(lines):
    """(before, after) pairs from 'write N: buffer B bytes before drain(), A after' lines."""
    pattern = re.compile(r"write +(\d+): buffer +(\d+) bytes before drain\(\), +(\d+) after")
    found = [m for line in lines if (m := pattern.fullmatch(line))]
    assert [int(m.group(1)) for m in found] == list(range(1, len(found) + 1))
    return [(int(m.group(2)), int(m.group(3))) for m in found]


@check("flow_control/fast_writer_slow_reader.py")
def _(run):
    assert run.lines[0] == f"write buffer limits: low={LOW} high={HIGH}"
    pairs = _writes(run.lines)
    assert len(pairs) == 12
    for before, after in pairs:
        # After drain() returns, the buffer is never above the high-water mark, so after the next
        # write() it holds at most one 32 KiB chunk more.
        assert after <= HIGH
        assert before <= HIGH + 32 * 1024, (before, after)
        if before > HIGH:
            # Above the mark, drain() waited until the buffer was down to the low-water mark.
            assert after <= LOW, (before, after)
        else:
            # At or below it, drain() returned at once: nothing was sent in between.
            assert after == before, (before, after)
    # The slow reader did hold the writer back at least once.
    assert any(before > HIGH for before, _ in pairs)
    # Every byte arrived, in the last line.
    assert run.lines[1:] == [*run.lines[1:13], f"reader: got {12 * 32 * 1024} bytes, then EOF"]


@check("flow_control/write_without_drain.py")
def _(run):
    assert run.lines[0] == f"high-water mark: {HIGH} bytes"
    sizes = []
    for i, line in enumerate(run.lines[1:9], start=1):
        m = re.fullmatch(rf"write {i}: buffer +(\d+) bytes", line)
        assert m, line
        sizes.append(int(m.group(1)))
    # Without an await between writes nothing more is sent: once the buffer holds anything,
    # each write() adds its whole 32 KiB to it, and the buffer ends far above the mark. Only the
    # first write or two reach the socket (the ones made while the buffer was still empty).
    first = next(i for i, size in enumerate(sizes) if size)
    assert first <= 1, sizes
    assert all(b - a == 32 * 1024 for a, b in zip(sizes[first:-1], sizes[first + 1 :], strict=True))
    assert sizes[-1] > 2 * HIGH
    # One drain() brings it down to the low-water mark or below.
    m = re.fullmatch(r"after one drain\(\): (\d+) bytes", run.lines[9])
    assert m and int(m.group(1)) <= LOW, run.lines[9]
    assert run.lines[10:] == [f"reader: got {8 * 32 * 1024} bytes, then EOF"]


@check("flow_control/pause_reading.py")
def _(run):
    events = [
        re.fullmatch(r"queue at +(\d+) messages: (pause|resume)_reading\(\)", line)
        for line in run.lines[:-1]
    ]
    assert all(events), run.lines
    kinds = [m.group(2) for m in events]
    sizes = [int(m.group(1)) for m in events]
    # At least one pause; pauses and resumes alternate, each pause followed by its resume.
    assert kinds and kinds == ["pause", "resume"] * (len(kinds) // 2), kinds
    for kind, size in zip(kinds, sizes, strict=True):
        if kind == "pause":
            assert size >= 8  # HIGH, or more: one read can bring many messages at once
        else:
            assert size == 2  # LOW: no data arrives while reading is paused
    assert run.lines[-1] == "consumer: handled 60 messages, in order: True"


@check("flow_control/skip_long_lines.py")
def _(run):
    # Both long lines are skipped, however their bytes arrived; the short ones around them
    # come through intact.
    assert run.lines == [
        "ok: hello",
        "error: line too long, skipped",
        "error: line too long, skipped",
        "ok: bye",
    ]


@check("flow_control/idle_timeout.py")
def _(run):
    # The silent peer falls to the idle timeout, the trickling one to the deadline; each server
    # line comes before its client sees the connection closed.
    assert run.lines == [
        "server: idle timeout 0.25 s, deadline 0.6 s",
        "server: silent sent nothing for 0.25 s, closing",
        "silent client: the server closed the connection",
        "server: trickle still connected after 0.6 s, closing",
        "trickle client: the server closed the connection",
    ]
    # The page: about 0.25 s after the first line (the clients connect right after it) for the
    # silent peer, about 0.6 s for the other. Lower bounds from the start of the process.
    assert run.times[1] >= 0.25
    assert run.times[3] >= 0.6


@check("flow_control/tls_handshake_timeout.py")
def _(run):
    # The handshake gives up with ConnectionAbortedError and this exact message (3.11 to 3.13),
    # no sooner than the 0.3 s timeout (the example measures the time itself).
    [line] = run.lines
    m = re.fullmatch(r"after (\d+\.\d) s: (.*)", line)
    assert m, line
    assert float(m.group(1)) >= 0.3
    assert m.group(2) == (
        "ConnectionAbortedError: SSL handshake is taking longer than 0.3 seconds: "
        "aborting the connection"
    )
    assert run.times[0] >= 0.3


@check("flow_control/readline_too_long.py")
def _(run):
    # Both ValueError messages, the same on every version; the long line with its newline is
    # removed whole (the next call returns "next"), but without its newline only what had
    # arrived is dropped, and the rest comes back as a line of its own ("line: tail").
    assert run.lines == [
        "sent b'" + "x" * 30 + "\\nnext\\n'",
        "  ValueError: Separator is found, but chunk is longer than limit",
        "  line: next",
        "sent b'" + "y" * 40 + "'",
        "  ValueError: Separator is not found, and chunk exceed the limit",
        "sent b'tail\\n'",
        "  line: tail",
    ]
