"""Periodic jobs of the tip line (run by `cronica worker`, declared on TipsConfig).

``purge_expired`` deletes sources (with their files) a configurable time after their last
activity, abandoned unconfirmed submissions, and crash leftovers. ``send_digest`` tells
journalists how many submissions arrived, never what they are or exactly when.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _

from . import blobs, submissions
from .config import number
from .inbox import PERMISSION
from .models import Source, StoredFile, Submission
from .timing import this_hour


def purge_expired() -> None:
    days = number("CRONICA_TIPS_RETENTION_DAYS")
    for source in Source.objects.filter(last_activity__lt=this_hour() - timedelta(days=days)):
        submissions.delete_source(source)
    abandoned = Submission.objects.filter(
        pending=True, arrived__lt=this_hour() - timedelta(hours=1)
    )
    for submission in abandoned:
        source = submission.source
        submissions.delete_submission(submission)
        if not source.submissions.exists() and not source.replies.exists():
            source.delete()
    blobs.sweep_incoming()
    sweep_orphans()


def sweep_orphans(older_than_hours: int = 6) -> None:
    """Delete blobs no row refers to: a crash between writing a blob and committing its
    row leaves ciphertext that no one acknowledged and no one can find."""
    import time

    known = set(StoredFile.objects.values_list("blob", flat=True))
    known |= set(Submission.objects.values_list("manifest", flat=True))
    limit = time.time() - older_than_hours * 3600
    for path in [*blobs.root().glob("*.age"), *(blobs.root() / "incoming").glob("*.age")]:
        if path.stem not in known and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)


def journalists() -> list[AbstractBaseUser]:
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return [user for user in users if user.has_perm(PERMISSION)]


def send_digest() -> int:
    """One email per journalist with the number of new submissions, if there are any."""
    with transaction.atomic():
        new = Submission.objects.select_for_update().filter(pending=False, notified=False)
        count = new.count()
        if not count:
            return 0
        new.update(notified=True)
    recipients = [user.email for user in journalists()]
    if recipients:
        send_mail(
            _("Tip inbox: new submissions"),
            _("%(count)d new submission(s) arrived in the tip inbox.") % {"count": count},
            None,
            recipients,
        )
    return count
