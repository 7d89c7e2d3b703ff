"""Reader continuity without accounts.

When someone posts, the site hands them a random token in a signed cookie (scoped to the
comment URLs, so that pages a reader merely reads never carry it). The database keeps only
a hash of the token and the reader's record: comments approved and rejected, and whether
an editor blocked them. No name, no address, no user agent: the token identifies a
browser's history with this site's moderators and nothing else. Deleting the cookie
starts a new record, which is the reader's right.
"""

import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from cronica.core.urlprefix import namespace_prefix

COOKIE = "cronica_reader"
COOKIE_AGE = 365 * 24 * 3600
_SALT = "cronica.comments.reader"


def _hash(token: str) -> str:
    """Keyed with CRONICA_READER_KEY, not SECRET_KEY: rotating the secret key must not
    turn every blocked reader into a stranger (docs/security.md)."""
    return hashlib.sha256(f"{settings.CRONICA_READER_KEY}:{token}".encode()).hexdigest()


class Reader(models.Model):
    key_hash = models.CharField(max_length=64, unique=True)
    approved = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    blocked = models.BooleanField(default=False)
    first_seen = models.DateField(default=timezone.localdate)

    class Meta:
        app_label = "comments"

    def __str__(self) -> str:
        return f"reader {self.pk} ({self.approved} approved, {self.rejected} rejected)"

    def is_trusted(self, after: int) -> bool:
        return not self.blocked and self.rejected == 0 and self.approved >= after

    @classmethod
    def from_request(cls, request: HttpRequest) -> "Reader | None":
        """The reader whose cookie came with ``request``, or None."""
        raw = request.COOKIES.get(COOKIE)
        if not raw:
            return None
        try:
            token = signing.Signer(salt=_SALT).unsign(raw)
        except signing.BadSignature:
            return None
        return cls.objects.filter(key_hash=_hash(token)).first()

    @classmethod
    def new_with_token(cls) -> "tuple[Reader, str]":
        """A new reader, not saved yet, and its token: the comment view saves it in the
        transaction that stores the reader's first comment."""
        token = secrets.token_urlsafe(32)
        return cls(key_hash=_hash(token)), token


def set_cookie(response: HttpResponse, token: str, language: str) -> None:
    """Sets the reader cookie for the comment URLs of ``language`` only."""
    response.set_cookie(
        COOKIE,
        signing.Signer(salt=_SALT).sign(token),
        max_age=COOKIE_AGE,
        path=namespace_prefix("comments", language),
        httponly=True,
        samesite="Strict",
        secure=settings.SESSION_COOKIE_SECURE,
    )
