"""Fetching the images a post showed from a URL, when they can still be reached.

Old posts point at image hosts (blogger.googleusercontent.com, wp-content/uploads) that
may be gone, or unreachable from the server. An image that downloads and is a real image
is stored in the site's own library (and loses its metadata there, see
``cronica.news.images``); anything else stays a plain link in the article, never an
``<img>`` that would make readers' browsers call the old host.

An export file is input from outside: its image URLs could point at the server's own
network (an admin interface on loopback, a cloud metadata address). Unless told
otherwise, hosts that resolve to loopback, private, link-local or reserved addresses are
not contacted, and neither are redirects to them.
"""

import ipaddress
import socket
import urllib.request
from urllib.error import URLError
from urllib.parse import urlparse

MAX_BYTES = 25 * 1024 * 1024
TIMEOUT_SECONDS = 10
USER_AGENT = "cronica-importer"


class RefusedAddress(URLError):
    """The URL's host is on a network the importer does not contact."""


def _public(hostname):
    try:
        infos = socket.getaddrinfo(hostname, None)
    except (socket.gaierror, UnicodeError):
        return True  # unresolvable: the request fails on its own
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            return False
    return True


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, allow_private):
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        parsed = urlparse(newurl)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise RefusedAddress(f"redirect to {newurl}")
        if not self.allow_private and not _public(parsed.hostname):
            raise RefusedAddress(f"redirect to a private address: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Downloader:
    """Fetches image URLs, giving up on a host after its first network failure so that an
    export full of images from a dead host costs one timeout, not one per image."""

    def __init__(self, timeout=TIMEOUT_SECONDS, max_bytes=MAX_BYTES, allow_private=False):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.allow_private = allow_private
        self.dead_hosts = set()
        self.opener = urllib.request.build_opener(_CheckedRedirects(allow_private))

    def fetch(self, url):
        """The image's bytes, or None when it is unreachable, refused, too big or not an
        image."""
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            return None
        host = (parsed.hostname, parsed.port)
        if host in self.dead_hosts:
            return None
        if not self.allow_private and not _public(parsed.hostname):
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
