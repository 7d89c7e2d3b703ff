"""Per-account sign-in throttling: after a number of wrong passwords for one account name,
that name is locked for a while, whatever the password and wherever the attempts come from.

Why not django-axes: axes records the client address and user agent of every attempt in
its tables (AccessAttempt, AccessLog, AccessFailureLog) and writes them in its log lines
unless several settings are all kept right across upgrades. The site must never keep an
address (docs/invariants.md, invariant 1), so this module keeps only a counter per keyed hash of the
account name, in the database so that every app server and worker process shares it.

Locking by name lets anyone who knows an editor's login name keep that account locked.
That is the price of not tracking addresses (behind the onion service every client is
127.0.0.1 anyway); ``cronica staff unlock USER`` lifts a lock at once.
"""

import hmac
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from .models import LoginThrottle


def key_for(username: str | None) -> str:
    name = (username or "").strip().casefold().encode()
    return hmac.new(settings.SECRET_KEY.encode(), b"login-throttle:" + name, "sha256").hexdigest()


def _lockout() -> timedelta:
    return timedelta(seconds=settings.CRONICA_STAFF_LOCKOUT_SECONDS)


def locked_until(username: str) -> datetime | None:
    """When the lock on ``username`` ends, or None if it is not locked."""
    row = LoginThrottle.objects.filter(key=key_for(username)).first()
    if row and row.locked_until and row.locked_until > timezone.now():
        return row.locked_until
    return None


def register_failure(username: str) -> None:
    """Count one wrong password; lock the name once the count reaches the limit. Failures
    older than the lockout period are forgotten."""
    now = timezone.now()
    with transaction.atomic():
        row, _ = LoginThrottle.objects.select_for_update().get_or_create(key=key_for(username))
        expired = row.locked_until and row.locked_until <= now
        stale = row.last_failure and now - row.last_failure > _lockout()
        if expired or stale:
            row.failures, row.locked_until = 0, None
        row.failures += 1
        row.last_failure = now
        if row.failures >= settings.CRONICA_STAFF_LOCKOUT_FAILURES:
            row.locked_until = now + _lockout()
        row.save()
    # Names nobody has tried for a day carry no lock and no count worth keeping.
    LoginThrottle.objects.filter(last_failure__lt=now - timedelta(days=1)).delete()


def reset(username: str) -> None:
    LoginThrottle.objects.filter(key=key_for(username)).delete()


class ThrottledModelBackend(ModelBackend):
    """Django's model backend behind the per-account lock: a locked name is refused before
    its password is even checked, so the right password does not get in either."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> AbstractBaseUser | None:
        if username is None:
            username = kwargs.get(self._username_field())
        if username is None or password is None:
            return None
        if locked_until(username):
            raise PermissionDenied("account locked")  # authenticate() then tries no other
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            register_failure(username)
        else:
            reset(username)
        return user

    @staticmethod
    def _username_field() -> str:
        from django.contrib.auth import get_user_model

        return get_user_model().USERNAME_FIELD
