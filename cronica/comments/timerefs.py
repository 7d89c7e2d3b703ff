"""Timestamp references: readers answer each other by the time a comment was posted
("9:35 - Never going to happen", "@10:09", "12:09 and the GOM..."), because that is the
one thing every comment shows. A time that matches the displayed posting time of an
earlier comment on the same article becomes a link to it; when several earlier comments
share that time, the nearest earlier one wins.

Times are displayed as "9:35 AM" in the site's time zone, so a reference without AM/PM
("9:35") matches 9:35 and 21:35, "9:35 pm" only 21:35, and "21:35" only 21:35.
"""

import re
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

TIME_REFERENCE = re.compile(
    r"(?<![\w/:.,@])@?(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)"
    r"(?:\s?(?P<half>[ap])\.?\s?m\b\.?)?(?![\w:/])",
    re.I,
)


def _candidates(match: re.Match[str]) -> list[tuple[int, int]]:
    """The 24-hour (hour, minute) pairs a written time can mean."""
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    half = (match.group("half") or "").lower()
    if half:
        if hour == 0 or hour > 12:
            return []
        hour = hour % 12 + (12 if half == "p" else 0)
        return [(hour, minute)]
    if hour > 12 or hour == 0:
        return [(hour, minute)]
    return [(hour % 12, minute), (hour % 12 + 12, minute)]


def link_references(comments: Iterable[Any]) -> dict[int, dict[int, str]]:
    """For ``comments`` in posting order, ``{comment.id: {offset: "c<id>"}}`` for every
    reference in a body that points at an earlier comment."""
    latest: dict[
        tuple[int, int], tuple[int, int]
    ] = {}  # (hour, minute) -> (position, comment id) of the latest comment so far
    links: dict[int, dict[int, str]] = {}
    for position, comment in enumerate(comments):
        found: dict[int, str] = {}
        for match in TIME_REFERENCE.finditer(comment.body):
            best: tuple[int, int] | None = None
            for key in _candidates(match):
                hit = latest.get(key)
                if hit and (best is None or hit[0] > best[0]):
                    best = hit
            if best:
                found[match.start()] = f"c{best[1]}"
        if found:
            links[comment.id] = found
        local = timezone.localtime(comment.created_at)
        latest[(local.hour, local.minute)] = (position, comment.id)
    return links
