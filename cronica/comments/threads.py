"""An article's published thread as markup, kept between renders in Django's cache.

Building a thread costs a query (``display.comment_thread``) and, for 200 comments, most
of an uncached article render (every body rendered, timestamp references linked, dates
formatted). It only changes when one of the article's comments changes, so the markup is
stored under the article's id and ``translation_key``, the interface language and the
article's comments version (``core.versions``), which every save or deletion of one of
its comments bumps when it commits: approved, rejected, edited, removed by its author, a
reply added, reported. A new comment that is not published (held for moderation,
rejected, spam) changes nothing the thread shows and leaves the version alone: under a
comment flood every POST would otherwise rewrite the shared version (two file writes to
the page store per comment, bench/README.md) and throw the kept thread away for nothing.
Approving it later is a save of a published comment, which bumps. The form under the
thread is not kept: whether comments are still open depends on the clock.
``CRONICA_FRAGMENT_SECONDS = 0`` turns the cache off.
"""

from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from wagtail.models import Page

from cronica.core import versions

from .display import ThreadItem, comment_thread
from .templatetags.comment_tags import thread_items


def _version_name(article_id: int) -> str:
    return f"comments:{article_id}"


def _key(article: Page) -> str | None:
    if not settings.CRONICA_FRAGMENT_SECONDS or article.pk is None:
        return None
    return ":".join(
        [
            "thread",
            str(article.pk),
            str(article.translation_key),
            translation.get_language() or settings.LANGUAGE_CODE,
            versions.current(_version_name(article.pk)),
        ]
    )


def thread_markup(article: Page) -> tuple[SafeString, int]:
    """The ``<li>`` items of ``article``'s published thread and how many comments it
    shows, from the cache or built now and stored."""
    key = _key(article)  # the version is read before the comments it covers
    cached = cache.get(key) if key else None
    if cached is not None:
        return mark_safe(cached[0]), cached[1]
    thread = comment_thread(article)
    markup = thread_items(thread, gettext("Reply"), gettext("Report"))
    count = _count(thread)
    if key:
        cache.set(key, (str(markup), count), timeout=settings.CRONICA_FRAGMENT_SECONDS)
    return markup, count


def on_comment_change(sender: Any, instance: Any, **kwargs: Any) -> None:
    """post_save and post_delete of a comment: its article's thread is built afresh,
    unless the comment is new and not published (see module docstring)."""
    if kwargs.get("created") and instance.status != instance.Status.PUBLISHED:
        return
    if instance.article_id is not None:
        versions.bump(_version_name(instance.article_id))


def _count(items: list[ThreadItem]) -> int:
    return sum(1 + _count(item.replies) for item in items)
