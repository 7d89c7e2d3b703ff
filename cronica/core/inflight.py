"""A cap on requests with a body in flight per process, so readers always keep threads.

``cronica serve`` runs each process with a few threads (cronica/cli.py): a thread that
reads a request body holds on to it for as long as the client takes to send it, and a
tip-line upload over Tor or a comment POST that trickles its body can take minutes. Left
alone, as many slow uploads as there are threads would leave no thread for the GETs the
page cache answers in microseconds, exactly during a spike.

``BodyGate`` (the outermost WSGI wrapper, cronica/wsgi.py) admits at most ``slots``
requests with a body at a time in its process (``CRONICA_BODY_SLOTS``; off unless set: at one
slot per process it refused ordinary concurrent comment and tip POSTs with 503). Past the cap a request gets ``503`` with
``Retry-After`` before anything of its body is read or any view runs: nothing was
received, nothing changed, so the client can simply send it again. A request once
admitted is never refused or cut short by the gate; its slot is released when its
response has been sent.

An admitted body that stops arriving is bounded too: gunicorn reads request bodies with
no timeout of its own, so each read from the client waits at most ``timeout`` seconds
(``CRONICA_BODY_TIMEOUT``, on gunicorn's socket). A body that stalls longer is answered
``408`` and the connection closed; the view saw a request it could not read and stored
nothing of it. A body that keeps trickling a byte at a time within the timeout keeps its
slot, which is what the cap is for.
"""

import threading
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any
from wsgiref.types import StartResponse, WSGIApplication
from wsgiref.types import WSGIEnvironment as Environ

from django.core.exceptions import BadRequest

# Methods whose requests carry no body by definition (RFC 9110 section 9.3); any request
# declaring a body (Content-Length or Transfer-Encoding) counts whatever its method.
BODILESS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
RETRY_AFTER = "5"
BUSY = (
    "Too many submissions are arriving right now. Nothing of yours was received or saved: "
    "please send it again in a few seconds.\n"
    "Llegan demasiados envíos en este momento. No se recibió ni se guardó nada: "
    "vuelva a enviarlo en unos segundos.\n"
).encode()
STALLED = (
    "The request stopped arriving and nothing of it was saved.\n"
    "El envío dejó de llegar y no se guardó nada.\n"
).encode()


class BodyTimeout(BadRequest):
    """The client sent nothing of the body for longer than the timeout. A ``BadRequest``,
    so Django answers it (400, replaced by 408 in ``BodyGate``) wherever the body is read,
    CSRF check and multipart parser included, and no view goes on with half a body."""


def has_body(environ: Environ) -> bool:
    if environ.get("REQUEST_METHOD", "GET") not in BODILESS:
        return True
    length = environ.get("CONTENT_LENGTH") or "0"
    return length.strip() not in ("", "0") or "HTTP_TRANSFER_ENCODING" in environ


def _unusable(environ: Environ) -> None:
    """Tells gunicorn not to reuse the connection (its body's ``failed`` flag, which it
    sets itself when a read fails): where the next request would start is unknown once a
    body is left unread, and without the flag gunicorn would hold the thread up to five
    seconds draining it. Other servers have no such flag and close or drain on their own."""
    stream: Any = environ.get("wsgi.input")
    if hasattr(stream, "failed"):
        stream.failed = True


def _plain(
    status: str, body: bytes, extra: list[tuple[str, str]]
) -> tuple[str, list[tuple[str, str]]]:
    headers = [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(body))),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        *extra,
    ]
    return status, headers


class TimedBody:
    """``wsgi.input`` whose every read from the client waits at most ``timeout`` seconds.
    The socket's timeout is set for the read only: gunicorn sends the response on the same
    socket, where a timeout would cut a long answer to a slow reader."""

    def __init__(self, stream: Any, sock: Any, timeout: float) -> None:
        self._stream = stream
        self._sock = sock
        self._timeout = timeout
        self.timed_out = False

    def _timed(self, method: Callable[..., Any], *args: Any) -> Any:
        if self._sock is None:
            return method(*args)
        self._sock.settimeout(self._timeout)
        try:
            return method(*args)
        except TimeoutError:
            self.timed_out = True
            raise BodyTimeout("request body stalled") from None
        finally:
            self._sock.settimeout(None)

    def read(self, *args: Any) -> bytes:
        return self._timed(self._stream.read, *args)

    def readline(self, *args: Any) -> bytes:
        return self._timed(self._stream.readline, *args)

    def readlines(self, *args: Any) -> list[bytes]:
        return self._timed(self._stream.readlines, *args)

    def __iter__(self) -> Iterator[bytes]:
        while line := self.readline():
            yield line


class Released:
    """The response iterable, releasing the slot once the server closes it (the response
    has been sent, or the client left)."""

    def __init__(self, result: Iterable[bytes], release: Callable[[], None]) -> None:
        self._result = result
        self._release: Callable[[], None] | None = release

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._result)

    def close(self) -> None:
        try:
            if hasattr(self._result, "close"):
                self._result.close()
        finally:
            release, self._release = self._release, None
            if release is not None:
                release()


class BodyGate:
    """WSGI wrapper: at most ``slots`` requests with a body in flight in this process
    (0: no cap), each body read with ``timeout`` seconds of patience per read (see module
    docstring)."""

    def __init__(self, application: WSGIApplication, slots: int, timeout: float) -> None:
        self.application = application
        self.slots = threading.BoundedSemaphore(slots) if slots > 0 else None
        self.timeout = timeout

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        if not has_body(environ):
            return self.application(environ, start_response)
        if self.slots is not None and not self.slots.acquire(blocking=False):
            _unusable(environ)
            start_response(*_plain("503 Service Unavailable", BUSY, [("Retry-After", RETRY_AFTER)]))
            return [BUSY]
        release = self.slots.release if self.slots is not None else _nothing
        try:
            return self._admitted(environ, start_response, release)
        except BaseException:
            release()
            raise

    def _admitted(
        self, environ: Environ, start_response: StartResponse, release: Callable[[], None]
    ) -> Iterable[bytes]:
        body = TimedBody(environ["wsgi.input"], environ.get("gunicorn.socket"), self.timeout)
        environ["wsgi.input"] = body
        result = self.application(environ, partial(_answer, body, start_response))
        if body.timed_out:
            if hasattr(result, "close"):
                result.close()
            result = [STALLED]
        return Released(result, release)


def _answer(
    body: TimedBody,
    start_response: StartResponse,
    status: str,
    headers: list[tuple[str, str]],
    exc_info: Any = None,
) -> Any:
    """Django's start_response, or the 408 when the body stalled (Django answered 400)."""
    if body.timed_out:
        return start_response(*_plain("408 Request Timeout", STALLED, []), exc_info)
    return start_response(status, headers, exc_info)


def _nothing() -> None:
    """The release of a gate without a cap."""
