"""Flood limits that never keep who the client is (design.md invariant 1).

A client is counted under ``HMAC(day_key, scope + address)``. The day key is random,
created on first use, lives only in the cache and expires after two days, so yesterday's
counters cannot be tied to an address once the key is gone, and no address is ever written
anywhere: not to the database, not to a file, not to a log.
"""

import hashlib
import hmac
import secrets
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache

KEY_LIFETIME = 2 * 24 * 3600


def client_address(request):
    """The address to count, only ever held in memory. Behind a proxy that the operator
    declared (CRONICA_BEHIND_PROXY), the last hop of X-Forwarded-For is the client."""
    if settings.SECURE_PROXY_SSL_HEADER and request.META.get("HTTP_X_FORWARDED_FOR"):
        return request.META["HTTP_X_FORWARDED_FOR"].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _day_key(now=None):
    day = (now or datetime.now(UTC)).strftime("%Y%m%d")
    # get_or_set returns the stored key, or this one if the cache dropped it meanwhile.
    return cache.get_or_set(f"ratelimit:key:{day}", secrets.token_hex(32), KEY_LIFETIME)


def client_fingerprint(request, scope, now=None):
    """A keyed hash of the client address for ``scope``; rotates every day."""
    key = _day_key(now)
    message = f"{scope}\x00{client_address(request)}".encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()[:32]


def hit(request, scope, limit, window):
    """Counts one request; returns True while the client stays within ``limit`` per
    ``window`` seconds."""
    name = f"ratelimit:{scope}:{client_fingerprint(request, scope)}"
    if cache.add(name, 1, window):
        return True
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.add(name, 1, window)
        return True
    return count <= limit
