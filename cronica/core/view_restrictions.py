"""Which pages are private, from a per-process copy, so public pages skip Wagtail's check.

Before serving a page Wagtail collects its view restrictions with two queries (its
ancestors' aliases, then the restrictions on them): 10 % of a warm article render
(bench/README.md, "Uncached article render"), for a site where nearly every page is
public. Each process keeps the tree paths of the pages that carry a restriction and of
the alias pages (whose restrictions are their source's), under a version
(``core/versions.py``) replaced in every process by each save or deletion of a view
restriction or of a page and by each page move (paths change). A page none of whose
ancestors-or-self is in either set has no restriction: ``get_view_restrictions`` answers
with an empty queryset and no query. Any other page gets Wagtail's own answer, so a
private page is checked exactly as before. Changes made without saving a model
(``QuerySet.update`` of paths or restrictions) are not seen until the next bump.
"""

import threading
from typing import Any

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move

from . import versions

TOKEN = "view-restrictions"

_kept: tuple[str, frozenset[str]] | None = None  # (version, paths that need Wagtail's check)
_lock = threading.Lock()


def _checked_paths() -> frozenset[str]:
    """The paths of restricted pages and of aliases, read under the current version."""
    global _kept
    version = versions.current(TOKEN)  # before the rows it covers (core/versions.py)
    kept = _kept
    if kept is not None and kept[0] == version:
        return kept[1]
    paths = frozenset(PageViewRestriction.objects.values_list("page__path", flat=True)) | (
        frozenset(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))
    )
    with _lock:
        _kept = (version, paths)
    return paths


def is_public(page: Page) -> bool:
    """Whether no view restriction can apply to ``page``: neither it nor an ancestor is
    restricted or an alias."""
    if page.alias_of_id is not None:
        return False
    paths = _checked_paths()
    step = page.steplen
    return not any(page.path[:end] in paths for end in range(step, len(page.path) + 1, step))


class KeptViewRestrictionsMixin:
    """For page models: answers Wagtail's view-restriction check of a public page without
    a query."""

    def get_view_restrictions(self) -> QuerySet[PageViewRestriction]:
        if is_public(self):  # type: ignore[arg-type]
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()  # type: ignore[misc]


def invalidate(sender: Any, **kwargs: Any) -> None:
    """Signal receiver: a restriction or a page changed, or a page moved."""
    if issubclass(sender, Page | PageViewRestriction):
        versions.bump(TOKEN)


def connect() -> None:
    """Replaces the version on every change that can make a public page private."""
    post_save.connect(invalidate, dispatch_uid="core-view-restrictions-save")
    post_delete.connect(invalidate, dispatch_uid="core-view-restrictions-delete")
    post_page_move.connect(invalidate, dispatch_uid="core-view-restrictions-move")
