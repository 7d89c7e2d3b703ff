"""One page of a listing of articles (home, tags, contributors, a month of the archive,
search), with links to the newer and the older page, as Blogger's "Newer posts / Older
posts": the page says its number, not how many pages there are.

Knowing the number of pages means counting the whole listing on every page: at 100,000
articles Django's ``Paginator`` spent 290 ms of the home page on its ``COUNT(*)``
(bench/README.md, "Search and ledger"). Fetching one article more than a page holds
tells whether there is an older page, which is all the links need. The URLs stay
``?page=N``; a number that names no page is a 404, as with Django's paginator.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.http import Http404


@dataclass
class ListingPage:
    """What the listing template reads, under the names of Django's ``Page``."""

    number: int
    object_list: Sequence[Any]
    has_next: bool

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_previous() or self.has_next

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


def page_number(value: str | None) -> int:
    """The page a ``?page=`` value asks for: empty is the first page; anything but a
    whole number from 1 up is a 404 (Django's ``Paginator.validate_number`` rule)."""
    if not value:
        return 1
    try:
        number = int(value)
    except ValueError:
        raise Http404 from None
    if number < 1:
        raise Http404
    return number


def listing_page(number: int, rows: Sequence[Any], size: int) -> ListingPage:
    """The page ``number`` from ``rows``, up to ``size + 1`` items fetched from its start:
    the extra one only says that an older page exists. Past the last page, a 404."""
    if number > 1 and not rows:
        raise Http404
    return ListingPage(number, rows[:size], has_next=len(rows) > size)
