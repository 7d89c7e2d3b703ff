"""The embedded page cache: what an anonymous reader reads is served without Django.

``cronica serve`` answers a traffic spike from stored responses: a WSGI wrapper in front of
Django (cronica/wsgi.py) looks an anonymous GET up by its path and, on a hit, sends the
stored status, headers and body without building a request, touching a template or
opening the database. A hit answers as
Django itself would: a HEAD gets the headers without the body, and a conditional GET gets
what ``ConditionalGetMiddleware`` would give (a 304 with the stored ``ETag`` and
``Cache-Control``, or a 412), decided by Django's own ``get_conditional_response``. On a
miss Django renders the page and the response is stored when it is safe to share:

- the request carried no cookie, no ``Authorization`` and no query string, so no editor,
  no form state and no search is ever stored or served from here;
- the response is a 200 that Django marked ``Cache-Control: public`` (core/middleware.py
  marks exactly the anonymous, cookie-less pages; tips and comment forms say ``no-store``
  or ``private``) and sets no cookie;
- a streamed response (the knowledge base's exports) is passed on as it streams and
  stored only once all of it has been sent, if it fits in MAX_BODY.

The key is the scheme Django sees (``wsgi.url_scheme``, or ``SECURE_PROXY_SSL_HEADER``
behind a proxy), the host the request names and the path (the language is part of it): an
HTTPS page carries HSTS and HTTPS links, so it is never sent over plain HTTP, nor the other
way round; and with several hosts (Wagtail sites, or example.org beside www.example.org)
each host gets its own pages. The host is Django's (``HttpRequest.get_host()``: the
``Host`` header, or ``X-Forwarded-Host`` with ``USE_X_FORWARDED_HOST``), checked against
``ALLOWED_HOSTS`` and lower-cased; its domain is in the key and its port (the one the
request names, else the scheme's own) in the entry: a stored page is only sent to a
request for the same port, and a request for another port goes to Django. (With the port
in the key, a purge would have to know every port a client ever named.) Pages are only
stored for the domains ``forget`` can name (``site_domains``: every Wagtail site's, the
site's own address, the literal names in ``ALLOWED_HOSTS``), so a purge reaches every
stored copy of a page; a host only a wildcard allows is served by Django every time. A
change to the sites drops every stored page.
Nothing about the client (address, user agent) enters a key, an entry or a log. The store
is the ``pages`` cache (settings.py): files under the data directory by default, shared by
every serving process and by the worker, or Redis when ``REDIS_URL`` is set.
``forget(urls)`` drops the listed paths for every domain; cronica/news/purge.py calls it
with the same URLs it sends to a front cache.

A render that began before a purge could store the page as it was; ``forget`` leaves a
short-lived mark with the purge time, and a response rendered before that mark is not
stored.

In front of the file store each process keeps the pages it served in memory
(``LocalCopies``), so a hit reads no file and unpickles nothing: one ``stat`` of a
generation file next to the store, then a dictionary lookup. Every ``forget`` (in any
process: another gunicorn worker, the task worker, ``cronica shell``) appends a byte to
that file after dropping the pages from the store; a process that sees the file change
drops all its copies before it answers, so a purge reaches every process on its next
request. With Redis the store may be shared by several machines, which no file tells
about a purge: there every hit reads Redis.
"""

import functools
import hashlib
import os
import threading
import time
from collections.abc import Callable, Hashable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import unquote, urlsplit
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

from django.conf import settings
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIRequest
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.http.request import split_domain_port, validate_host
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

CACHE_ALIAS = "pages"
HEADER = "X-Cronica-Cache"
# Paths never stored: the admin, files (served and cached by WhiteNoise or the front
# cache as files), and the tip line, whose pages carry per-source state.
SKIP_PREFIXES = ("/admin/", "/django-admin/", "/static/", "/media/", "/documents/")
SKIP_PARTS = ("/tips/",)
MAX_BODY = 4 * 1024 * 1024
# How long a purge mark outlives the purge: longer than any render takes.
MARK_SECONDS = 120
# Headers that belong to one connection, not to the page.
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "date", "server"}
UNSHAREABLE = ("private", "no-store", "no-cache")
# What Django's conditional answer decides itself (copied into a 304, left off a 412), and
# what is set inside ConditionalGetMiddleware and so is never on Django's 304 or 412
# (conditional_answer); X-Cronica-Cache of the stored headers says "hit" on both.
DECIDED_BY_CONDITION = frozenset(
    {"etag", "last-modified", "expires", "vary", "cache-control", "content-location"}
)
SET_INSIDE = frozenset({"content-type", "content-length", "x-frame-options"})
SCHEMES = ("http", "https")
# Request headers that make a GET conditional (RFC 9110 section 13.1).
CONDITIONS = (
    "HTTP_IF_MATCH",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_UNMODIFIED_SINCE",
)
# Memory per process for local copies of stored pages (an article with 200 comments is
# 124 KiB), and the size at which the generation file starts over.
LOCAL_BYTES = 64 * 1024 * 1024
GENERATION_BYTES = 1024 * 1024

Headers = list[tuple[str, str]]
# A stored page: status line, headers of a hit, body, when it expires (time.time()) and
# the port it was rendered for.
Entry = tuple[str, Headers, bytes, float, str]
# What os.stat tells of the generation file: inode, size, modification time.
Generation = tuple[int, int, int]


def _store() -> Any:
    return caches[CACHE_ALIAS]


def _generation_file() -> Path | None:
    """The file every ``forget`` changes, next to the file store; None when the store is
    not a directory every process of the site shares (Redis)."""
    config = settings.CACHES[CACHE_ALIAS]
    if not config["BACKEND"].endswith("FileBasedCache"):
        return None
    return Path(config["LOCATION"]) / "generation"


def _next_generation() -> None:
    """Appends one byte (atomic with O_APPEND, whichever process writes); past
    GENERATION_BYTES a fresh file takes its place, whose new inode is a change too."""
    path = _generation_file()
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, b".")
        full = os.fstat(fd).st_size >= GENERATION_BYTES
    finally:
        os.close(fd)
    if full:
        fresh = path.with_name(f"generation.{os.getpid()}.{threading.get_ident()}")
        fresh.write_bytes(b".")
        os.replace(fresh, path)


class LocalCopies:
    """This process's copies of stored pages, valid while the generation file is unchanged
    (see module docstring). A copy is only kept if the generation read before loading it
    from the store is still the one this process last saw, so a page loaded before a
    purge and kept after it is dropped by the next request's check."""

    def __init__(self, generation_file: Path, budget: int = LOCAL_BYTES) -> None:
        self._file = generation_file
        self._budget = budget
        self._pages: dict[Hashable, Entry] = {}
        self._bytes = 0
        self._seen: Generation | None = None
        self._lock = threading.Lock()

    def _generation(self) -> Generation | None:
        try:
            info = os.stat(self._file)
        except FileNotFoundError:
            return None
        return (info.st_ino, info.st_size, info.st_mtime_ns)

    def get(self, path: Hashable, load: Callable[[], Entry | None]) -> Entry | None:
        """The entry for ``path`` (any hashable key), from memory or ``load()`` (the shared
        store)."""
        generation = self._generation()
        if generation != self._seen:
            with self._lock:
                self._pages.clear()
                self._bytes = 0
                self._seen = generation
        entry = self._pages.get(path)
        if entry is not None and entry[3] > time.time():
            return entry
        entry = load()
        if entry is not None:
            self._keep(path, entry, generation)
        return entry

    def _keep(self, path: Hashable, entry: Entry, generation: Generation | None) -> None:
        size = len(entry[2])
        with self._lock:
            if generation != self._seen or size > self._budget:
                return
            old = self._pages.pop(path, None)
            self._bytes += size - (len(old[2]) if old else 0)
            self._pages[path] = entry
            while self._bytes > self._budget:  # oldest first: dicts keep insertion order
                oldest = next(iter(self._pages))
                self._bytes -= len(self._pages.pop(oldest)[2])


def _digest(path: str, scheme: str = "", domain: str = "") -> str:
    # Hashed: any path is a valid cache key (no spaces, no length limit to trip over). The
    # public address is part of it: pages hold absolute links (canonical, feeds, sitemap),
    # so a site restarted under a new CRONICA_SITE_URL must not serve the old ones.
    text = f"{settings.SITE_URL}\n{scheme}\n{domain}\n{path}"
    return hashlib.sha256(text.encode()).hexdigest()


def _key(scheme: str, domain: str, path: str) -> str:
    # "page4": one entry per scheme and domain, each with its expiry time for the local
    # copies and the port it was rendered for.
    return f"page4:{_digest(path, scheme, domain)}"


def _mark(path: str) -> str:
    return f"purged:{_digest(path)}"


def request_scheme(environ: WSGIEnvironment) -> str:
    """The scheme Django gives this request (``HttpRequest.scheme``): the proxy's header
    when ``SECURE_PROXY_SSL_HEADER`` names one and the request carries it, else the
    server's ``wsgi.url_scheme``."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def request_host(environ: WSGIEnvironment, scheme: str) -> tuple[str, str] | None:
    """(domain, port) of the host Django gives this request (``get_host()``), the domain
    lower-cased and the port the scheme's own when the request names none; None when
    ``ALLOWED_HOSTS`` does not allow it (Django answers 400 then)."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        host = environ["HTTP_X_FORWARDED_HOST"]
    elif "HTTP_HOST" in environ:
        host = environ["HTTP_HOST"]
    else:
        host = f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}"
    return _allowed_host(host, scheme)


@functools.lru_cache(maxsize=64)
def _allowed_host(host: str, scheme: str) -> tuple[str, str] | None:
    """Remembered per Host header and scheme, which are the same on nearly every request."""
    domain, port = split_domain_port(host)
    if not domain or not validate_host(domain, settings.ALLOWED_HOSTS):
        return None
    return domain, port or ("443" if scheme == "https" else "80")


@receiver(setting_changed)
def _hosts_changed(setting: str, **kwargs: Any) -> None:
    """Tests change ALLOWED_HOSTS with override_settings; a served site never does."""
    if setting in ("ALLOWED_HOSTS", "USE_X_FORWARDED_HOST"):
        _allowed_host.cache_clear()


def site_domains() -> set[str]:
    """Every domain a page may be stored for, and so every domain ``forget`` drops it
    for: each Wagtail site's (``Site.get_site_root_paths``, kept in the default cache
    and refreshed by Wagtail when a site changes), the site's public address
    (``CRONICA_SITE_URL``) and each literal name in ``ALLOWED_HOSTS``."""
    from wagtail.models import Site

    roots = [root.root_url for root in Site.get_site_root_paths()]
    domains = {split_domain_port(urlsplit(url).netloc)[0] for url in [settings.SITE_URL, *roots]}
    for allowed in settings.ALLOWED_HOSTS:
        if allowed != "*" and not allowed.startswith("."):
            domains.add(split_domain_port(allowed)[0] or allowed.lower())
    domains.discard("")
    return domains


def forget(urls: Iterable[str]) -> None:
    """Drops the stored pages at the paths of ``urls`` (full URLs or paths) for every
    domain (the URLs' own and ``site_domains()``: a site reached under several names
    stores a copy under each), so the next reader gets a fresh render; marks the paths so
    a render already under way is not stored."""
    urls = list(urls)
    paths = {unquote(urlsplit(url).path) or "/" for url in urls}
    if not paths:
        return
    domains = site_domains() | {
        split_domain_port(urlsplit(url).netloc)[0] for url in urls if "//" in url
    }
    domains.discard("")
    store = _store()
    now = time.time()
    store.delete_many([_key(scheme, d, p) for p in paths for d in domains for scheme in SCHEMES])
    store.set_many({_mark(p): now for p in paths}, timeout=MARK_SECONDS)
    _next_generation()


def forget_all() -> None:
    """Drops every stored page (``cronica restore``: they show the data from before)."""
    _store().clear()
    _next_generation()


@receiver(post_save, sender="wagtailcore.Site")
@receiver(post_delete, sender="wagtailcore.Site")
def _sites_changed(**kwargs: Any) -> None:
    """A site added, moved to another host or removed changes which site a host shows
    and which domains ``forget`` names: every stored page goes, once that is committed."""
    transaction.on_commit(forget_all)


def _cacheable_request(environ: WSGIEnvironment) -> bool:
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    if environ.get("QUERY_STRING") or environ.get("HTTP_COOKIE"):
        return False
    if environ.get("HTTP_AUTHORIZATION"):
        return False
    path = environ.get("PATH_INFO", "")
    return not (path.startswith(SKIP_PREFIXES) or any(part in path for part in SKIP_PARTS))


def _shareable(status: str, headers: Headers) -> bool:
    if not status.startswith("200"):
        return False
    cache_control = ""
    for name, value in headers:
        lower = name.lower()
        if lower == "set-cookie":
            return False
        if lower == "cache-control":
            cache_control = value.lower()
        if lower == "vary" and "*" in value:
            return False
    return "public" in cache_control and not any(w in cache_control for w in UNSHAREABLE)


def conditional_answer(
    environ: WSGIEnvironment, status: str, headers: Headers
) -> tuple[str, Headers] | None:
    """(status, headers) of what Django would answer a conditional GET for this stored page
    instead of the page (a 304 or a 412), or None for the page itself.

    Django decides, with the stored ``ETag`` and ``Last-Modified``
    (``get_conditional_response``, as ``ConditionalGetMiddleware`` does), so the two never
    differ; its answer keeps the validators and ``Cache-Control`` of a 304 and none of a
    412. Django's own answer then passes the middleware outside ``ConditionalGetMiddleware``
    (settings.MIDDLEWARE), which adds the security headers (CSP, X-Content-Type-Options,
    Referrer-Policy, the cross-origin policies, HSTS), ``Content-Language`` and
    ``Content-Length: 0``: those are taken from the stored page, which got the same from
    the same middleware. Left off, as on Django's: what is set inside it (the body's
    ``Content-Type`` and ``Content-Length``, ``X-Frame-Options``).
    tests/test_pagecache_not_modified.py compares the two answers header by header."""
    stored = HttpResponse(status=int(status[:3]), headers=dict(headers))
    etag = stored.get("ETag")
    last_modified = stored.get("Last-Modified")
    last_modified = last_modified and parse_http_date_safe(last_modified)
    if not (etag or last_modified):
        return None
    answer = get_conditional_response(
        WSGIRequest(environ), etag=etag, last_modified=last_modified, response=stored
    )
    if answer is stored:
        return None
    answer["Content-Length"] = str(len(answer.content))
    decided = {name.lower() for name in answer.headers} | DECIDED_BY_CONDITION
    outer = [(n, v) for n, v in headers if n.lower() not in decided | SET_INSIDE]
    return f"{answer.status_code} {answer.reason_phrase}", [*answer.items(), *outer]


def _no_write(data: bytes) -> NoReturn:
    raise NotImplementedError("the page cache wraps Django, which never calls write()")


class PageCache:
    """WSGI wrapper that serves stored pages and stores what Django renders (see module
    docstring for which pages and why)."""

    def __init__(self, application: WSGIApplication) -> None:
        self.application = application
        self.timeout = int(getattr(settings, "CRONICA_PAGE_CACHE_SECONDS", 600))
        generation_file = _generation_file()
        self.local = LocalCopies(generation_file) if generation_file else None

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if not self.timeout or not _cacheable_request(environ):
            return self.application(environ, start_response)
        # WSGI hands the path over as latin-1 text of its UTF-8 bytes, as Django reads it.
        path = (environ.get("PATH_INFO") or "/").encode("latin-1").decode("utf-8", "replace")
        scheme = request_scheme(environ)
        host = request_host(environ, scheme)
        if host is None:  # a host Django refuses: its 400, never a stored page
            return self.application(environ, start_response)
        domain, port = host
        key = _key(scheme, domain, path)
        store = _store()
        entry = self.local.get(key, lambda: store.get(key)) if self.local else store.get(key)
        if entry is not None and entry[4] == port:
            return self._serve(entry, environ, start_response)
        if environ["REQUEST_METHOD"] != "GET" or entry is not None:
            # A HEAD is stored by the GET that follows; a page stored for another port
            # stays for the requests that name that port.
            return self.application(environ, start_response)
        return self._render_and_store(key, host, path, store, environ, start_response)

    def _serve(
        self, entry: Entry, environ: WSGIEnvironment, start_response: StartResponse
    ) -> list[bytes]:
        status, headers, body, _expires, _port = entry
        method = environ["REQUEST_METHOD"]
        # Django answers conditions on GET only (for HEAD it has no body to tag).
        if method == "GET" and any(name in environ for name in CONDITIONS):
            answer = conditional_answer(environ, status, headers)
            if answer is not None:
                start_response(*answer)
                return []
        start_response(status, headers)
        return [] if method == "HEAD" else [body]

    def _render_and_store(
        self,
        key: str,
        host: tuple[str, str],
        path: str,
        store: Any,
        environ: WSGIEnvironment,
        start_response: StartResponse,
    ) -> Iterable[bytes]:
        started = time.time()
        captured: dict[str, Any] = {}

        def capture(
            status: str, headers: Headers, exc_info: Any = None
        ) -> Callable[[bytes], object]:
            if exc_info:
                return start_response(status, headers, exc_info)
            captured["status"], captured["headers"] = status, headers
            return _no_write

        # Django calls start_response before returning its response, so whether to store
        # is known before anything is sent; the real start_response follows below.
        result = self.application(environ, capture)
        if "status" not in captured:
            return result
        status, headers = captured["status"], captured["headers"]
        if not _shareable(status, headers) or host[0] not in site_domains():
            start_response(status, headers)
            return result
        store_body = partial(self._store, key, host[1], path, store, status, headers, started)
        if getattr(result, "streaming", False):
            start_response(status, [*headers, (HEADER, "miss")])
            return StoredOnceSent(result, store_body)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        if len(body) <= MAX_BODY:
            store_body(body)
        start_response(status, [*headers, (HEADER, "miss")])
        return [body]

    def _store(
        self,
        key: str,
        port: str,
        path: str,
        store: Any,
        status: str,
        headers: Headers,
        started: float,
        body: bytes,
    ) -> None:
        mark = store.get(_mark(path))
        if mark is not None and mark >= started:
            return
        kept = [
            (n, v)
            for n, v in headers
            if n.lower() not in HOP_HEADERS and n.lower() != "content-length"
        ]
        if not any(n.lower() == "etag" for n, _v in kept):
            # Django's ConditionalGetMiddleware tags whole bodies, not streamed ones; a
            # stored body is whole, so its hits answer If-None-Match like any other page.
            kept.append(("ETag", f'"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'))
        # Stored ready to send: the headers of a hit, and the expiry the local copies keep to.
        sent = [*kept, ("Content-Length", str(len(body))), (HEADER, "hit")]
        entry = (status, sent, body, started + self.timeout, port)
        store.set(key, entry, timeout=self.timeout)


class StoredOnceSent:
    """A streamed response (the knowledge base's exports, cronica/dossier/exports.py)
    passed on chunk by chunk as the server sends it, and stored by ``store`` once its last
    chunk has gone out: a body larger than MAX_BODY, or one the client stopped reading,
    is never stored, and no more than MAX_BODY of it is ever held here."""

    def __init__(self, result: Iterable[bytes], store: Callable[[bytes], None]) -> None:
        self._result = result
        self._store = store

    def __iter__(self) -> Iterator[bytes]:
        held: list[bytes] | None = []
        size = 0
        for chunk in self._result:
            if held is not None:
                size += len(chunk)
                if size <= MAX_BODY:
                    held.append(chunk)
                else:
                    held = None
            yield chunk
        if held is not None:
            self._store(b"".join(held))

    def close(self) -> None:
        if hasattr(self._result, "close"):
            self._result.close()
