"""Dates as the exports write them, made timezone-aware."""

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from .records import ImportFileError


def iso(text: str, what: str) -> datetime:
    """An Atom (RFC 3339) date such as ``2023-09-10T08:15:00.001-07:00``."""
    try:
        value = datetime.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise ImportFileError(f"{what}: unreadable date {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def wordpress(gmt_text: str | None, rfc822_text: str | None, what: str) -> datetime | None:
    """A WXR date: ``wp:post_date_gmt`` (``2023-09-10 15:15:00``, UTC) when set, else the
    RSS ``pubDate``. None when neither is set, as for drafts never saved with a date."""
    gmt_text = (gmt_text or "").strip()
    if gmt_text and not gmt_text.startswith("0000"):
        try:
            return datetime.strptime(gmt_text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        except ValueError:
            raise ImportFileError(f"{what}: unreadable date {gmt_text!r}") from None
    rfc822_text = (rfc822_text or "").strip()
    if rfc822_text and not rfc822_text.startswith(("Thu, 01 Jan 1970", "Mon, 30 Nov -0001")):
        try:
            value = parsedate_to_datetime(rfc822_text)
        except (TypeError, ValueError):
            raise ImportFileError(f"{what}: unreadable date {rfc822_text!r}") from None
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return None
