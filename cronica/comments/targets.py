"""The article a comment is posted to, with its site's comment settings, kept in memory.

Every comment POST needs the live article (open or closed, its own moderation mode) and
its site's ``CommentSettings``: two queries and the ORM work of building a Wagtail page,
about 40% of a POST's CPU time under a flood (bench/README.md). Each process keeps what
it loaded, for at most ``MAX_AGE`` seconds, tagged with a *generation*: a token in the
cache every process of the site shares (the ``ratelimit`` alias: Redis, or the tmpfs
store, cronica/core/sharedcache.py). Any save or delete of a page, a site, the comment
settings or an article's comment policy replaces the token once its transaction commits,
so the next POST in every process, on every machine, loads the article again: closing
comments, unpublishing, or switching to *hold everything* takes effect at once, never
after the comments of the next minute were screened under the old mode. ``MAX_AGE`` only
bounds changes made without saving a model (``QuerySet.update``).
"""

import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

from cronica.news.models import ArticlePage

from . import policy
from .models import ArticleCommentPolicy, CommentSettings

MAX_AGE = 30.0
MAX_ENTRIES = 500  # articles kept per process: a flood over every article cannot grow it
GENERATION_KEY = "comments:targets:generation"


@dataclass(frozen=True)
class Target:
    article: Any  # a live ArticlePage, its comment_policy selected with it
    settings: CommentSettings
    generation: str
    loaded_at: float


_targets: dict[int, Target] = {}
_lock = threading.Lock()


def _store() -> BaseCache:
    return caches["ratelimit"]


def generation() -> str:
    """The current generation, created if the shared cache has none (first use, restart,
    eviction): a process that held entries then sees a new token and reloads."""
    store = _store()
    token = store.get(GENERATION_KEY)
    if token is None:
        store.add(GENERATION_KEY, secrets.token_hex(8), None)
        token = store.get(GENERATION_KEY)
    return token


def lookup(article_id: int) -> Target | None:
    """The live article ``article_id`` and its site's comment settings, or None when no
    live article has that id. Only reads: the article instance is shared by the threads
    of this process and must not be changed."""
    current = generation()
    target = _targets.get(article_id)
    if target and target.generation == current and time.monotonic() - target.loaded_at < MAX_AGE:
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
    """A new generation now, and again when the current transaction commits: between the
    two, another process may have loaded the rows not yet committed, i.e. the old ones."""
    _new_generation()
    transaction.on_commit(_new_generation)


def _new_generation() -> None:
    _store().set(GENERATION_KEY, secrets.token_hex(8), None)
    with _lock:
        _targets.clear()


@receiver(post_save)
@receiver(post_delete)
def _model_changed(sender: type, **kwargs: Any) -> None:
    if issubclass(sender, Page | Site | CommentSettings | ArticleCommentPolicy):
        forget_all()


@receiver(page_published)
@receiver(page_unpublished)
def _page_changed(sender: type, **kwargs: Any) -> None:
    forget_all()
