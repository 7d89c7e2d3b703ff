"""Readers' reports of published comments, weighed by who reports and kept for an editor.

A report never unpublishes a comment by itself: otherwise three strangers (or one flood
behind an onion address, where every reader is 127.0.0.1) could silence any reader. Each
report adds its reporter's weight to the comment; at the site's threshold the comment
stays published and goes to the editors' "Published, to review" tab. A reader whose
comments editors approved (the same trust as the flagged-only mode) weighs most, an
unknown reader least, a blocked reader nothing. One reader (or one client, without a
reader token) counts once per comment a day.
"""

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest

from cronica.core import ratelimit

from .models import Comment, CommentSettings, Report
from .reader import Reader

TRUSTED_WEIGHT, UNKNOWN_WEIGHT = 2, 1
ONCE_PER = 24 * 3600


def weight_of(reader: Reader | None, site_settings: CommentSettings) -> int:
    if reader is None:
        return UNKNOWN_WEIGHT
    if reader.blocked:
        return 0
    return TRUSTED_WEIGHT if reader.is_trusted(site_settings.trusted_after) else UNKNOWN_WEIGHT


def first_report(request: HttpRequest, comment: Comment, reader: Reader | None) -> bool:
    """True the first time this reader (or client) reports ``comment`` today."""
    who = f"reader:{reader.pk}" if reader else "client"
    return ratelimit.first_time(request, f"report:{comment.pk}:{who}", ONCE_PER)


def record(
    request: HttpRequest, comment: Comment, reason: str, site_settings: CommentSettings
) -> bool:
    """Store the report and weigh it; returns True if the comment now awaits review."""
    reader = Reader.from_request(request)
    if not first_report(request, comment, reader):
        return False
    weight = weight_of(reader, site_settings)
    with transaction.atomic():
        Report.objects.create(comment=comment, reason=reason)
        Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + weight)
        comment.refresh_from_db(fields=["report_count", "status", "flagged"])
        if (
            comment.report_count >= site_settings.report_threshold
            and comment.status == Comment.Status.PUBLISHED
            and not comment.flagged
        ):
            comment.flagged = True
            comment.save(update_fields=["flagged"])
            return True
    return False
