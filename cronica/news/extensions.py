"""Where other apps plug into the news app's pages, so that news knows none of them.

news is the base app: comments, the knowledge base and the tip line build on articles,
never the other way round (the import-linter contracts in pyproject.toml enforce it).
An app that adds something to articles registers a Wagtail hook (in its
``wagtail_hooks.py``) under one of these names:

``ARTICLE_LISTING``
    ``fn(queryset) -> queryset``: annotates the articles of the page a listing shows (home,
    tags, contributors, a month of the archive), in the query that fetches those rows only
    (``models.teasers``; comments add their count).
``ARTICLE_TEASER``
    ``fn(article, request) -> html``: a few words appended to an article's teaser in a
    listing (comments: "3 comments"), from what ``ARTICLE_LISTING`` annotated, no query.
``ARTICLE_BODY_FILTER``
    ``fn(page) -> (fn(html) -> html) or None``: called once per render of an article's
    body; the function it returns rewrites each body block's HTML in order (the
    knowledge base links first mentions). It must read stored data only.
``ARTICLE_SECTIONS``
    ``fn(request, page, context) -> html``: a section shown after the article (comments:
    the thread and the form), in hook order; ``context`` is the page template's context
    as a dict, context processors included, to render with instead of running them again.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from wagtail import hooks

ARTICLE_LISTING = "cronica_article_listing"
ARTICLE_TEASER = "cronica_article_teaser"
ARTICLE_BODY_FILTER = "cronica_article_body_filter"
ARTICLE_SECTIONS = "cronica_article_sections"


def annotate_listing(queryset: QuerySet) -> QuerySet:
    """``queryset`` with every app's listing annotations."""
    for annotate in hooks.get_hooks(ARTICLE_LISTING):
        queryset = annotate(queryset)
    return queryset


def body_filters(page: Any) -> list[Callable[[str], str]]:
    """The body rewriters for one render of ``page``."""
    filters = (make(page) for make in hooks.get_hooks(ARTICLE_BODY_FILTER))
    return [f for f in filters if f is not None]


def _joined(parts: Iterable[object]) -> SafeString:
    return mark_safe("".join(str(conditional_escape(part)) for part in parts if part))


def teaser_extras(article: Any, request: HttpRequest | None = None) -> SafeString:
    return _joined(fn(article, request) for fn in hooks.get_hooks(ARTICLE_TEASER))


def article_sections(request: HttpRequest | None, page: Any, context: dict[str, Any]) -> SafeString:
    return _joined(fn(request, page, context) for fn in hooks.get_hooks(ARTICLE_SECTIONS))
