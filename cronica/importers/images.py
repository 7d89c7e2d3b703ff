"""Fetching the images a post showed from a URL, when they can still be reached.

Old posts point at image hosts (blogger.googleusercontent.com, wp-content/uploads) that
may be gone, or unreachable from the server. An image that downloads and is a real image
is stored in the site's own library (and loses its metadata there, see
``cronica.news.images``); anything else stays a plain link in the article, never an
``<img>`` that would make readers' browsers call the old host.

An export file is input from outside: its image URLs could point at the server's own
network (an admin interface on loopback, a cloud metadata address). Unless told
otherwise, hosts that resolve to loopback, private, link-local or reserved addresses are
not contacted, and neither are redirects to them. The check and the connection use the
same answer: each host is resolved once, and the connection goes to the address that was
checked (with the host name still in the Host header and TLS server name), so a DNS
server that answers differently the second time (DNS rebinding) cannot slip a private
address in. No proxy from the environment is used, since it would resolve on its own.
"""

import http.client
import ipaddress
import socket
import urllib.request
from typing import IO, Any
from urllib.error import URLError
from urllib.parse import urlparse

MAX_BYTES = 25 * 1024 * 1024
TIMEOUT_SECONDS = 10
USER_AGENT = "cronica-importer"


class RefusedAddress(URLError):
    """The URL's host is on a network the importer does not contact."""


def _resolve(hostname: str) -> list[str]:
    """Every address ``hostname`` resolves to, in order; [] when it does not resolve."""
    try:
        infos = socket.getaddrinfo(hostname, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return []
    return [str(info[4][0]) for info in infos]


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return ip.is_global and not ip.is_multicast


class _Pins:
    """The one address each host is contacted at, chosen when it is first checked."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private
        self.addresses: dict[str, str] = {}

    def check(self, hostname: str) -> str:
        """The address to connect to for ``hostname``; RefusedAddress if it is private."""
        if hostname not in self.addresses:
            addresses = _resolve(hostname)
            if not addresses:
                raise URLError(f"{hostname} does not resolve")
            if not self.allow_private and not all(_is_public(a) for a in addresses):
                raise RefusedAddress(f"{hostname} resolves to a private address")
            self.addresses[hostname] = addresses[0]
        return self.addresses[hostname]


def _pinned(
    connection_class: type[http.client.HTTPConnection], pins: _Pins
) -> type[http.client.HTTPConnection]:
    """A connection class whose socket goes to the pinned address of its host."""

    # mypy cannot check a class whose base is a variable: typed as Any, it subclasses.
    base: Any = connection_class

    class Pinned(base):
        def connect(self: http.client.HTTPConnection) -> None:
            address = pins.check(self.host)
            real_host = self.host
            self.host = address
            try:
                http.client.HTTPConnection.connect(self)  # the TCP connection only
            finally:
                self.host = real_host
            if isinstance(self, http.client.HTTPSConnection):
                # _context: the SSL context HTTPSConnection keeps, not in the stdlib's stubs.
                context = self._context  # type: ignore[attr-defined]
                self.sock = context.wrap_socket(self.sock, server_hostname=self.host)

    return Pinned


class _PinnedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, pins: _Pins) -> None:
        super().__init__()
        self.connection_class = _pinned(http.client.HTTPConnection, pins)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self.connection_class, req)


class _PinnedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, pins: _Pins) -> None:
        super().__init__()
        self.connection_class = _pinned(http.client.HTTPSConnection, pins)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        context = self._context  # type: ignore[attr-defined]  # HTTPSHandler's, not in the stubs
        return self.do_open(self.connection_class, req, context=context)


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, pins: _Pins) -> None:
        self.pins = pins

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        parsed = urlparse(newurl)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise RefusedAddress(f"redirect to {newurl}")
        self.pins.check(parsed.hostname)  # refused here rather than on connecting
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Downloader:
    """Fetches image URLs, giving up on a host after its first network failure so that an
    export full of images from a dead host costs one timeout, not one per image."""

    def __init__(
        self,
        timeout: float = TIMEOUT_SECONDS,
        max_bytes: int = MAX_BYTES,
        allow_private: bool = False,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.allow_private = allow_private
        self.dead_hosts: set[tuple[str, int | None]] = set()
        self.pins = _Pins(allow_private)
        self.opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}),
            _PinnedHTTPHandler(self.pins),
            _PinnedHTTPSHandler(self.pins),
            _CheckedRedirects(self.pins),
        )

    def fetch(self, url: str) -> bytes | None:
        """The image's bytes, or None when it is unreachable, refused, too big or not an
        image."""
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            return None
        host = (parsed.hostname, parsed.port)
        if host in self.dead_hosts:
            return None
        try:
            self.pins.check(parsed.hostname)
        except URLError:  # private, or does not resolve
            self.dead_hosts.add(host)
            return None
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                if not response.headers.get_content_type().startswith("image/"):
                    return None
                data = response.read(self.max_bytes + 1)
        except RefusedAddress:
            return None
        except URLError as exc:
            if not hasattr(exc, "code"):  # no HTTP status: the host itself is unreachable
                self.dead_hosts.add(host)
            return None
        except (OSError, ValueError):
            self.dead_hosts.add(host)
            return None
        if not data or len(data) > self.max_bytes:
            return None
        return data
