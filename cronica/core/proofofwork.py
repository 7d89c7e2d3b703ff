"""Hashcash-style proof of work: what a client behind a shared address spends instead of
an address that counts.

Behind an onion service every visitor is 127.0.0.1, so a per-address limit is one limit
for everybody (docs/security.md, "Addresses, times and sizes"). A form carries a signed
challenge; a small same-origin script (cronica/tips/static/tips/work.js) finds a nonce
whose SHA-256 with the challenge starts with ``CRONICA_POW_BITS`` zero bits. A solved
challenge can be spent once, within its lifetime, and lets its request past the budget
that requests without one share. Without JavaScript the form still works, within that
shared budget (and behind Tor, the onion service's own proof of work in front).
"""

import hashlib
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache.backends.base import BaseCache
from django.http import HttpRequest

LIFETIME = 3600
FIELD_CHALLENGE, FIELD_NONCE = "work_challenge", "work_nonce"
_signer = signing.Signer(salt="cronica.core.proofofwork")


def bits() -> int:
    return int(settings.CRONICA_POW_BITS)


def challenge(now: float | None = None) -> str:
    """A new signed challenge: ``<issued>.<random>.<bits>:<signature>``."""
    issued = int(now if now is not None else time.time())
    return _signer.sign(f"{issued}.{secrets.token_hex(8)}.{bits()}")


def _leading_zero_bits(digest: bytes) -> int:
    value = int.from_bytes(digest, "big")
    return len(digest) * 8 - value.bit_length()


def _zeros(challenge_text: str, nonce: str | int) -> int:
    return _leading_zero_bits(hashlib.sha256(f"{challenge_text}:{nonce}".encode()).digest())


def _bits_asked(challenge_text: str) -> int:
    """The difficulty written in a challenge, read without checking its signature (what a
    client can do); the server checks the signature in ``is_solution``."""
    try:
        return int(challenge_text.rsplit(":", 1)[0].split(".")[2])
    except (IndexError, ValueError):
        return 256


def is_solution(challenge_text: str, nonce: str) -> bool:
    try:
        wanted = int(_signer.unsign(challenge_text).split(".")[2])
    except (signing.BadSignature, IndexError, ValueError):
        return False
    return _zeros(challenge_text, nonce) >= max(wanted, bits())


def solve(challenge_text: str) -> str:
    """The nonce a client finds (for tests and command-line clients): it needs only the
    challenge, not the server's key."""
    wanted = _bits_asked(challenge_text)
    nonce = 0
    while _zeros(challenge_text, nonce) < wanted:
        nonce += 1
    return str(nonce)


def spend(request: HttpRequest, store: BaseCache) -> bool:
    """True if the request carries a valid, fresh, unspent solution; marks it spent."""
    # The solution travels in the query string (work.js puts it on the form's action):
    # reading the body here would parse an upload before its encrypting handler is set.
    data = request.GET
    text = data.get(FIELD_CHALLENGE, "")
    nonce = data.get(FIELD_NONCE, "")
    if not text or not nonce or len(nonce) > 20 or not nonce.isdigit():
        return False
    try:
        issued = int(_signer.unsign(text).split(".")[0])
    except (signing.BadSignature, ValueError):
        return False
    if not (0 <= time.time() - issued <= LIFETIME) or not is_solution(text, nonce):
        return False
    digest = hashlib.sha256(text.encode()).hexdigest()
    return store.add(f"pow:spent:{digest}", 1, LIFETIME + 60)
