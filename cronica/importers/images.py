"""Fetching the images a post showed from a URL, when they can still be reached.

Old posts point at image hosts (blogger.googleusercontent.com, wp-content/uploads) that
may be gone, or unreachable from the server. An image that downloads and is a real image
is stored in the site's own library (and loses its metadata there, see
``cronica.news.images``); anything else stays a plain link in the article, never an
``<img>`` that would make readers' browsers call the old host.
"""

import urllib.request
from urllib.error import URLError
from urllib.parse import urlparse

MAX_BYTES = 25 * 1024 * 1024
TIMEOUT_SECONDS = 10
USER_AGENT = "cronica-importer"


class Downloader:
    """Fetches image URLs, giving up on a host after its first network failure so that an
    export full of images from a dead host costs one timeout, not one per image."""

    def __init__(self, timeout=TIMEOUT_SECONDS, max_bytes=MAX_BYTES):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.dead_hosts = set()

    def fetch(self, url):
        """The image's bytes, or None when it is unreachable, too big or not an image."""
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            return None
        host = (parsed.hostname, parsed.port)
        if host in self.dead_hosts:
            return None
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                if not response.headers.get_content_type().startswith("image/"):
                    return None
                data = response.read(self.max_bytes + 1)
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
