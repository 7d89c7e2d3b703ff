"""What the server keeps to throttle sign-ins: one row per attempted account name, keyed by
a keyed hash of that name, never by a client address (docs/invariants.md, invariant 1)."""

from django.db import models


class LoginThrottle(models.Model):
    """Failed password attempts against one account name, and the lockout they caused.

    ``key`` is an HMAC of the name as typed (see ``throttle.key_for``), so that names that
    are not accounts, or passwords typed into the name field by mistake, are not kept in
    clear."""

    key = models.CharField(max_length=64, unique=True)
    failures = models.PositiveIntegerField(default=0)
    last_failure = models.DateTimeField(null=True)
    locked_until = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"{self.key[:8]}… ({self.failures} failures)"
