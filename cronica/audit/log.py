"""Writing to and reading from the audit log: the small API other apps use."""

from datetime import timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from .models import Entry

# What each action means, for the log page and the inbox notices.
ACTIONS = {
    "tips.recipient_added": "added tip recipient",
    "tips.recipient_changed": "changed tip recipient",
    "tips.recipient_removed": "removed tip recipient",
    "staff.2fa_enrolled": "set up two-factor sign-in",
    "staff.recovery_code_used": "signed in with a recovery code",
    "staff.2fa_reset": "had two-factor sign-in reset",
    "staff.recovery_codes_issued": "was issued new recovery codes",
    "staff.unlocked": "had a sign-in lockout lifted",
    "news.page_published": "published",
}


def record(user: Any, action: str, subject: object, detail: str = "") -> Entry:
    """Append one entry. ``user`` is the staff member acting, or None for the command line
    (then the entry says so)."""
    name = user.get_username() if user is not None else "(command line)"
    return Entry.objects.create(
        actor=user, actor_name=name, action=action, subject=str(subject)[:200], detail=detail[:300]
    )


def recent(prefix: str, days: int = 30) -> QuerySet:
    """Entries whose action starts with ``prefix`` from the last ``days`` days."""
    since = timezone.now() - timedelta(days=days)
    return Entry.objects.filter(action__startswith=prefix, at__gte=since)


def describe(entry: Entry) -> str:
    return ACTIONS.get(entry.action, entry.action)
