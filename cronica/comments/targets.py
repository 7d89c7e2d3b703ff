"""The article a comment is posted to, with its site's comment settings, kept in memory.

Every comment POST needs the live article (open or closed, its own moderation mode) and
its site's ``CommentSettings``: two queries and the ORM work of building a Wagtail page,
about 40% of a POST's CPU time under a flood (bench/README.md). Each process keeps what
it loaded, for at most ``MAX_AGE`` seconds, tagged with the ``VERSION`` every process of
the site shares (cronica/core/versions.py, as rendered fragments are). Any save or delete of a page, a site, the comment
settings or an article's comment policy replaces the token once its transaction commits,
so the next POST in every process, on every machine, loads the article again: closing
comments, unpublishing, or switching to *hold everything* takes effect at once, never
after the comments of the next minute were screened under the old mode. ``MAX_AGE`` only
bounds changes made without saving a model (``QuerySet.update``).
"""

import threading
import time
from dataclasses import dataclass
from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

from cronica.core import versions
from cronica.news.models import ArticlePage

from . import policy
from .models import ArticleCommentPolicy, CommentSettings

MAX_AGE = 30.0
MAX_ENTRIES = 500  # articles kept per process: a flood over every article cannot grow it
VERSION = "comments-targets"


@dataclass(frozen=True)
class Target:
    article: Any  # a live ArticlePage, its comment_policy selected with it
    settings: CommentSettings
    version: str
    loaded_at: float


_targets: dict[int, Target] = {}
_lock = threading.Lock()


def lookup(article_id: int) -> Target | None:
    """The live article ``article_id`` and its site's comment settings, or None when no
    live article has that id. Only reads: the article instance is shared by the threads
    of this process and must not be changed."""
    current = versions.current(VERSION)
    target = _targets.get(article_id)
    if target and target.version == current and time.monotonic() - target.loaded_at < MAX_AGE:
        return target
    article = (
        ArticlePage.objects.live().select_related("comment_policy").filter(pk=article_id).first()
    )
    if article is None:
        return None
    target = Target(article, policy.site_settings(article), current, time.monotonic())
    with _lock:
        if len(_targets) >= MAX_ENTRIES:
            _targets.clear()
        _targets[article_id] = target
    return target


def forget_all() -> None:
    """Every process loads its articles again (versions.bump: now, and again when the
    current transaction commits, since another process may meanwhile have loaded the
    rows not yet committed)."""
    versions.bump(VERSION)


@receiver(post_save)
@receiver(post_delete)
def _model_changed(sender: type, **kwargs: Any) -> None:
    if issubclass(sender, Page | Site | CommentSettings | ArticleCommentPolicy):
        forget_all()


@receiver(page_published)
@receiver(page_unpublished)
def _page_changed(sender: type, **kwargs: Any) -> None:
    forget_all()
