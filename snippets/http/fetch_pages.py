"""An HTTP/1.1 client: many pages over a few kept-alive connections, with a deadline."""

import asyncio
import collections
import contextlib
import sys
import time

CONNECTIONS = 4  # at most this many requests at once: one per connection
DEADLINE = 5.0  # seconds for the whole batch
MAX_BODY = 1024 * 1024  # bytes: a limit on what the client accepts, too
# How one request can fail: the connection (OSError), or a response cut short or unreadable.
FAILURES = (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError)


async def fetch(reader, writer, host, path):
    """Send one GET on an open connection; (status, body, server_closes)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode("latin-1"))
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")  # within the reader's limit, 64 KiB
    status_line, *lines = head[:-4].decode("latin-1").split("\r\n")
    version, status, _reason = status_line.split(" ", 2)
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "-1"))  # this client reads no other framing
    if version != "HTTP/1.1" or not 0 <= length <= MAX_BODY:
        raise ValueError(f"cannot read this response: {status_line}")
    body = await reader.readexactly(length)
    server_closes = "close" in headers.get("connection", "").lower()
    return int(status), body.decode(), server_closes


async def close(writer):
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
                    await close(writer)
                    writer = None
                    if reused and attempt == 1:
                        continue  # the server may have closed it as idle: a GET can be resent
                    results[path] = (None, repr(exc))  # reported, not lost
                    break
                results[path] = (status, body)
                if server_closes:
                    await close(writer)
                    writer = None
                break
            in_progress.discard(path)
    finally:  # also when the deadline cancels this task in the middle of a request
        if writer is not None:
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
