"""Monthly archive: which months have articles, and the bounds of a month."""

from datetime import datetime

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    """Start (inclusive) and end (exclusive) of a month in the site's time zone."""
    if not 1 <= month <= 12 or year < 1900:
        raise ValueError("no such month")
    tz = timezone.get_current_timezone()
    start = datetime(year, month, 1, tzinfo=tz)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
    return start, end


def months_with_articles(articles: QuerySet) -> list[tuple[datetime, int]]:
    """[(month_start, count)] for every month with one of ``articles`` (a queryset of the
    published ones), newest first."""
    rows = (
        articles.annotate(month=TruncMonth("first_published_at"))
        .values("month")
        .annotate(count=Count("id"))
        .order_by("-month")
    )
    return [(row["month"], row["count"]) for row in rows if row["month"]]
