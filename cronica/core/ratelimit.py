"""Flood limits that never keep who the client is (docs/security.md).

A client is counted under ``HMAC(day_key, scope + address)``. The day key is random,
created on first use, lives only in the "ratelimit" cache (Redis, or a tmpfs shared by the
site's workers: cronica/core/sharedcache.py) and expires after two days, so yesterday's
counters cannot be tied to an address once the key is gone, and no address is ever written
anywhere: not to the database, not to a file, not to a log.
"""

import hashlib
import hmac
import ipaddress
import secrets
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.http import HttpRequest

from . import proofofwork

KEY_LIFETIME = 2 * 24 * 3600


def store() -> BaseCache:
    return caches["ratelimit"]


def client_address(request: HttpRequest) -> str:
    """The address to count, only ever held in memory. Behind a proxy that the operator
    declared (CRONICA_BEHIND_PROXY), the last hop of X-Forwarded-For is the client."""
    if settings.CRONICA_BEHIND_PROXY and request.META.get("HTTP_X_FORWARDED_FOR"):
        return request.META["HTTP_X_FORWARDED_FOR"].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _day_key(now: datetime | None = None) -> str:
    day = (now or datetime.now(UTC)).strftime("%Y%m%d")
    # get_or_set returns the stored key, or this one if the cache dropped it meanwhile.
    return store().get_or_set(f"ratelimit:key:{day}", secrets.token_hex(32), KEY_LIFETIME)


def client_fingerprint(request: HttpRequest, scope: str, now: datetime | None = None) -> str:
    """A keyed hash of the client address for ``scope``; rotates every day."""
    key = _day_key(now)
    message = f"{scope}\x00{client_address(request)}".encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()[:32]


def count(name: str, limit: int, window: int) -> bool:
    """Counts one event under ``name``; True while there were at most ``limit`` in the
    current ``window`` seconds. Shared by every worker of the site."""
    cache = store()
    if cache.add(name, 1, window):
        return True
    try:
        value = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.add(name, 1, window)
        return True
    return value <= limit


def hit(request: HttpRequest, scope: str, limit: int, window: int) -> bool:
    """Counts one request; returns True while the client stays within ``limit`` per
    ``window`` seconds."""
    return count(f"ratelimit:{scope}:{client_fingerprint(request, scope)}", limit, window)


def first_time(request: HttpRequest, scope: str, window: int) -> bool:
    """True the first time this client does ``scope`` within ``window`` seconds."""
    name = f"ratelimit:once:{scope}:{client_fingerprint(request, scope)}"
    return store().add(name, 1, window)


def shared_address(request: HttpRequest) -> bool:
    """True when the client address says nothing about who the client is: behind an onion
    service (or a local proxy that does not forward addresses) everyone is loopback.
    ``CRONICA_SHARED_ADDRESS`` is "auto" (loopback means shared), "always" or "never"."""
    mode = settings.CRONICA_SHARED_ADDRESS
    if mode in ("always", "never"):
        return mode == "always"
    try:
        return ipaddress.ip_address(client_address(request)).is_loopback
    except ValueError:  # a Unix socket, or nothing: no address to tell clients apart
        return True


def allow(request: HttpRequest, scope: str, limit: int, window: int, shared_budget: int) -> bool:
    """The limit for a public form that must stay open to everyone.

    With a real client address: ``limit`` per ``window`` seconds per client. With a shared
    address a per-client limit would let one flood lock every source out, so instead:
    requests carrying a solved proof of work pass (each cost its sender the work), up to a
    ceiling that protects the server; the others share ``shared_budget`` per minute: a
    flood without work holds them back only while it lasts, a minute at a time.
    """
    if not shared_address(request):
        return hit(request, scope, limit, window)
    if proofofwork.spend(request, store()):
        return count(f"ratelimit:{scope}:work", shared_budget * 20, 60)
    return count(f"ratelimit:{scope}:shared", shared_budget, 60)
