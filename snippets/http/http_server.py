"""A small HTTP/1.1 server on asyncio streams: limits, timeouts, keep-alive."""

import asyncio
import collections
import contextlib
import email.utils
import re
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

MAX_HEAD = 8 * 1024  # bytes: the request line and all header lines together
MAX_HEADERS = 32  # header lines per request
IDLE_TIMEOUT = 1.0  # seconds a kept-alive connection may wait for its next request
HEAD_TIMEOUT = 0.5  # seconds from a request's first byte to the end of its head
WRITE_TIMEOUT = 5.0  # seconds a client may take to read a response
TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # a method or a header name
TARGET = re.compile(r"/[!-~]*")  # origin form: a path and a query, visible ASCII only
VERSION = re.compile(r"HTTP/([0-9])\.([0-9])")
HOST = re.compile(r"[\w.:\[\]%!$&'()*+,;=~-]*", re.ASCII)  # host[:port], or empty

stats = {"in_flight": 0, "most": 0, "statuses": collections.Counter()}


class Done(Exception):
    """The connection ends without a response: the client closed it or stayed idle."""


class HTTPError(Exception):
    """The request cannot be served: answer with this status and close the connection."""

    def __init__(self, status, detail):
        super().__init__(detail)
        self.status = status


async def read_head(reader):
    """The next request's head, up to and including the empty line that ends it."""
    try:
        async with asyncio.timeout(IDLE_TIMEOUT):
            first = await reader.readexactly(1)  # wait for the next request to begin
    except asyncio.IncompleteReadError:
        raise Done("client closed") from None
    except TimeoutError:
        raise Done(f"idle for {IDLE_TIMEOUT} s") from None
    try:
        async with asyncio.timeout(HEAD_TIMEOUT):
            return first + await reader.readuntil(b"\r\n\r\n")
    except TimeoutError:
        raise HTTPError(HTTPStatus.REQUEST_TIMEOUT, "head not complete in time") from None
    except asyncio.LimitOverrunError:
        # readuntil() left the data in the reader's buffer: is the request line too long?
        start = first + await reader.read(MAX_HEAD)  # returns at once: the buffer is full
        if b"\r\n" not in start:
            raise HTTPError(HTTPStatus.REQUEST_URI_TOO_LONG, "request line too long") from None
        raise HTTPError(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "head too large") from None
    except asyncio.IncompleteReadError:
        raise HTTPError(HTTPStatus.BAD_REQUEST, "EOF inside the head") from None


def parse_head(head):
    """(method, path, query, keep_alive) from a head that ends with CRLF CRLF."""
    request_line, *lines = head[:-4].decode("latin-1").split("\r\n")
    if len(lines) > MAX_HEADERS:
        raise HTTPError(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "too many headers")
    if any(c in line for line in (request_line, *lines) for c in "\r\n\0"):
        raise HTTPError(HTTPStatus.BAD_REQUEST, "bare CR, LF or NUL")  # lines end with CRLF
    parts = request_line.split(" ")
    if (
        len(parts) != 3
        or not TOKEN.fullmatch(parts[0])
        or not TARGET.fullmatch(parts[1])
        or not (version := VERSION.fullmatch(parts[2]))
    ):
        raise HTTPError(HTTPStatus.BAD_REQUEST, "malformed request line")
    method, target, _ = parts
    if version[1] != "1":
        raise HTTPError(HTTPStatus.HTTP_VERSION_NOT_SUPPORTED, f"version {parts[2]}")
    http11 = version[2] != "0"  # HTTP/1.2 and later minor versions are served as 1.1
    headers = {}  # lower-case name -> list of values
    for line in lines:
        name, colon, value = line.partition(":")
        if not colon or not TOKEN.fullmatch(name):  # also "Name :" and folded lines
            raise HTTPError(HTTPStatus.BAD_REQUEST, "malformed header line")
        headers.setdefault(name.lower(), []).append(value.strip(" \t"))
    hosts = headers.get("host", [])  # RFC 9112, 3.2: one in HTTP/1.1, never two, valid
    if len(hosts) > 1 or (http11 and not hosts) or not HOST.fullmatch("".join(hosts)):
        raise HTTPError(HTTPStatus.BAD_REQUEST, "no single valid Host header")
    lengths = headers.get("content-length", ["0"])
    if len(lengths) != 1 or not (lengths[0].isascii() and lengths[0].isdigit()):
        raise HTTPError(HTTPStatus.BAD_REQUEST, "invalid Content-Length")
    if "transfer-encoding" in headers or int(lengths[0]) != 0:
        raise HTTPError(HTTPStatus.NOT_IMPLEMENTED, "request bodies are not supported")
    if method not in ("GET", "HEAD"):
        raise HTTPError(HTTPStatus.NOT_IMPLEMENTED, f"method {method}")
    tokens = {t.strip().lower() for v in headers.get("connection", []) for t in v.split(",")}
    keep_alive = http11 and "close" not in tokens  # HTTP/1.0: one request per connection
    url = urlsplit(target)
    return method, url.path, parse_qs(url.query), keep_alive


async def route(path, query):
    """(status, body) for a GET: /page/N takes a little time and returns N."""
    if match := re.fullmatch(r"/page/(\d{1,6})", path):
        try:
            delay = float(query.get("delay", ["0.05"])[0])
        except ValueError:
            delay = -1.0
        if not 0.0 <= delay <= 5.0:  # a limit on what one request may cost (NaN fails too)
            raise HTTPError(HTTPStatus.BAD_REQUEST, "delay must be 0 to 5 s")
        await asyncio.sleep(delay)  # stands for a database query, another service...
        return HTTPStatus.OK, f"page {match.group(1)}\n"
    return HTTPStatus.NOT_FOUND, f"{path} not found\n"


async def respond(writer, status, body, keep_alive, head_only=False):
    data = body.encode()
    head = [
        f"HTTP/1.1 {status.value} {status.phrase}",
        f"Date: {email.utils.formatdate(usegmt=True)}",
        "Content-Type: text/plain; charset=utf-8",
        f"Content-Length: {len(data)}",
    ]
    if not keep_alive:
        head.append("Connection: close")
    writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
    if not head_only:  # a response to HEAD has no body, not even an error's
        writer.write(data)
    try:
        async with asyncio.timeout(WRITE_TIMEOUT):
            await writer.drain()  # a client that does not read makes this wait
    except TimeoutError:
        writer.transport.abort()  # drop what it did not read
        raise Done(f"response not read in {WRITE_TIMEOUT} s") from None
    stats["statuses"][status.value] += 1


async def serve_connection(reader, writer):
    host, port = writer.get_extra_info("peername")[:2]
    served, why = 0, "Connection: close"
    try:
        keep_alive = True
        while keep_alive:
            head_only = False  # until this request's head has been read
            head = await read_head(reader)
            head_only = head.startswith(b"HEAD ")
            _, path, query, keep_alive = parse_head(head)
            stats["in_flight"] += 1
            stats["most"] = max(stats["most"], stats["in_flight"])
            try:
                status, body = await route(path, query)
            finally:
                stats["in_flight"] -= 1
            await respond(writer, status, body, keep_alive, head_only)
            served += 1
    except Done as exc:
        why = str(exc)
    except HTTPError as exc:  # a request we cannot serve: answer, then close
        with contextlib.suppress(OSError, Done):
            await respond(writer, exc.status, f"{exc}\n", False, head_only)
        why = f"sent {exc.status.value}: {exc}"
    except OSError as exc:  # the connection failed: the client reset it, say
        why = repr(exc)
    except asyncio.CancelledError:
        why = "server shutting down"
        raise
    finally:
        print(f"{host}:{port}: served {served}, then {why}")
        writer.close()  # sends what is still buffered, then closes
        try:
            async with asyncio.timeout(WRITE_TIMEOUT):
                await writer.wait_closed()
        except TimeoutError:  # the client is not reading what is left
            writer.transport.abort()
        except OSError:  # raised again after a failure
            pass


async def main():
    handlers = {}  # every open connection: its handler's task and its writer
    stopping = asyncio.Event()

    def start_handler(reader, writer):  # as in the streams chapter
        if stopping.is_set():
            writer.transport.abort()
            return
        task = asyncio.create_task(serve_connection(reader, writer))
        handlers[task] = writer
        task.add_done_callback(handlers.pop)

    # limit= bounds what readuntil() buffers while it looks for the end of the head.
    server = await asyncio.start_server(start_handler, "127.0.0.1", 0, limit=MAX_HEAD)
    host, port = server.sockets[0].getsockname()[:2]
    print(f"serving HTTP on {host}:{port}", flush=True)
    try:
        await asyncio.Event().wait()  # serve until Ctrl-C cancels main()
    finally:
        print(f"Ctrl-C: closing {len(handlers)} open connections")
        stopping.set()
        server.close()
        for task, writer in handlers.items():
            writer.transport.abort()
            task.cancel()
        await asyncio.gather(*handlers, return_exceptions=True)
        await server.wait_closed()
        statuses = dict(sorted(stats["statuses"].items()))
        print(f"responses by status: {statuses}; at most {stats['most']} requests at once")


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        print("server closed, exiting")
