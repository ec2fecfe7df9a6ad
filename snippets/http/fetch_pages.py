"""An HTTP/1.1 client: many pages over a few kept-alive connections, with a deadline."""

import asyncio
import collections
import contextlib
import sys
import time

CONNECTIONS = 4  # at most this many requests at once: one per connection
DEADLINE = 5.0  # seconds for the whole batch
MAX_BODY = 1024 * 1024  # bytes: a limit on what the client accepts, too


class NoResponse(Exception):
    """The connection ended before the first byte of the response arrived."""


# How one request can fail: no response, the connection, or a response cut short or unreadable.
FAILURES = (NoResponse, OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError)


async def fetch(reader, writer, host, path):
    """Send one GET on an open connection; (status, body, server_closes)."""
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode("latin-1"))
        await writer.drain()
        first = await reader.readexactly(1)  # the first byte of the response
    except (OSError, asyncio.IncompleteReadError) as exc:
        raise NoResponse(repr(exc)) from None
    head = first + await reader.readuntil(b"\r\n\r\n")  # within the reader's limit, 64 KiB
    status_line, *lines = head[:-4].decode("latin-1").split("\r\n")
    version, status, _reason = status_line.split(" ", 2)
    headers = {}  # repeated names are joined with ", ": two lengths are no valid length
    for line in lines:
        name, _, value = line.partition(":")
        name, value = name.strip().lower(), value.strip()
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    length = headers.get("content-length", "")  # this client reads no other framing
    if version != "HTTP/1.1" or not (length.isascii() and length.isdigit()):
        raise ValueError(f"cannot read this response: {status_line}")
    if int(length) > MAX_BODY:
        raise ValueError(f"body of {length} bytes is too large")
    body = await reader.readexactly(int(length))
    tokens = {t.strip().lower() for t in headers.get("connection", "").split(",")}
    return int(status), body.decode(), "close" in tokens


async def close(writer):
    if writer is None:  # no connection was open
        return
    writer.close()
    with contextlib.suppress(OSError):  # raised again after a failure
        await writer.wait_closed()


async def worker(port, paths, results, in_progress):
    """Fetch paths one after the other on one kept-alive connection."""
    host = f"127.0.0.1:{port}"
    reader = writer = None
    try:
        for path in paths:  # shared with the other workers: each path goes to one of them
            in_progress.add(path)
            for attempt in (1, 2):
                reused = writer is not None
                try:
                    if writer is None:
                        reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    status, body, server_closes = await fetch(reader, writer, host, path)
                except FAILURES as exc:
                    old, writer = writer, None
                    if reused and attempt == 1 and isinstance(exc, NoResponse):
                        await close(old)
                        continue  # closed as idle before it answered: a GET can be resent
                    results[path] = (None, repr(exc))  # reported, not lost
                    in_progress.discard(path)
                    await close(old)
                    break
                results[path] = (status, body)
                in_progress.discard(path)
                if server_closes:
                    old, writer = writer, None
                    await close(old)
                break
    finally:  # also when the deadline cancels this task in the middle of a request
        await close(writer)


async def fetch_all(port, paths, connections, deadline):
    """(results, cut_off, not_started): every path ends up in exactly one of the three."""
    results, in_progress = {}, set()
    todo = iter(paths)
    try:
        async with asyncio.timeout(deadline):
            async with asyncio.TaskGroup() as group:
                for _ in range(connections):
                    group.create_task(worker(port, todo, results, in_progress))
    except TimeoutError:
        print(f"deadline of {deadline} s reached")
    cut_off = [p for p in paths if p in in_progress]  # perhaps served, but no answer came
    not_started = list(todo)  # never sent: safe to try again later
    return results, cut_off, not_started


async def main(port):
    paths = [f"/page/{n}" for n in range(1, 21)] + ["/about"]
    start = time.perf_counter()
    results, cut_off, not_started = await fetch_all(port, paths, CONNECTIONS, DEADLINE)
    elapsed = time.perf_counter() - start
    answered = {path: r for path, r in results.items() if r[0] is not None}
    failed = [path for path in results if path not in answered]
    statuses = collections.Counter(status for status, _ in answered.values())
    pages_ok = all(
        body == f"page {path[6:]}\n" for path, (status, body) in answered.items() if status == 200
    )
    print(f"{len(answered)} of {len(paths)} answered in {elapsed:.2f} s")
    print(f"statuses: {dict(sorted(statuses.items()))}, failed: {failed}")
    print(f"every page says its own number: {pages_ok}")
    print(f"cut off by the deadline: {cut_off}, not started: {not_started}")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
