"""Session limits for staff: an idle timeout and an absolute lifetime, counted from the
password sign-in, and the time of the last second-factor check (for actions that need a
fresh one, such as changing tip recipients)."""

import time
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest

LOGIN_AT = "staff_login_at"
SEEN_AT = "staff_seen_at"
SECOND_FACTOR_AT = "staff_second_factor_at"


def start(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """``user_logged_in`` handler: a new session starts both clocks."""
    if request is None or not hasattr(request, "session"):
        return
    now = int(time.time())
    request.session[LOGIN_AT] = now
    request.session[SEEN_AT] = now


def expired(session: SessionBase) -> bool:
    """True if the session has been idle too long or has lived too long."""
    now = int(time.time())
    login_at = session.get(LOGIN_AT)
    seen_at = session.get(SEEN_AT, login_at)
    if login_at is None:
        return True  # a session from before these limits (or made without a sign-in)
    too_old = now - login_at > settings.CRONICA_STAFF_SESSION_MAX_SECONDS
    too_idle = now - seen_at > settings.CRONICA_STAFF_IDLE_SECONDS
    return too_old or too_idle


def touch(session: SessionBase) -> None:
    """Record activity, writing the session at most once a minute."""
    now = int(time.time())
    if now - session.get(SEEN_AT, 0) >= 60:
        session[SEEN_AT] = now


def second_factor_checked(session: SessionBase) -> None:
    session[SECOND_FACTOR_AT] = int(time.time())


def second_factor_fresh(session: SessionBase) -> bool:
    checked = session.get(SECOND_FACTOR_AT)
    return checked is not None and time.time() - checked <= settings.CRONICA_STAFF_RECHECK_SECONDS
