"""``Entity.article_count``: how many articles link to an entity (``models.linked``),
stored on the entity and kept true here, so the knowledge-base index sorts and shows the
counts from a column. Counting the mentions of every entity per request took 1.4 s at
100,000 articles and 20,000 entities (bench/README.md, "Search and ledger").

What changes the count, and where it follows:

- a mention written, re-reviewed or deleted (``post_save`` / ``post_delete`` of
  ``Mention``: the linker, an editor's review, an article deleted with its mentions) and
  the admin's bulk review of mentions (``recount_mentions``, as it updates in SQL);
- an article published or unpublished (``page_published`` / ``page_unpublished``);
- a private section added, changed or removed, or a page moved, for the articles under it;
- an entity saved (``Entity.save`` counts its own);
- ``jobs.recount_articles``, a periodic job of the worker, repairs anything a path above
  missed (a bulk SQL change, a signal lost to a crash) and logs how many it fixed.

When a count changes, the page caches forget the index and those entities' profiles
(which list the same articles).
"""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Count, F, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from cronica.core import pagecache
from cronica.news.purge import purge_urls

from .models import Entity, Mention, linked
from .purge import kb_urls

PURGE_EACH = 100


def recount(entities: QuerySet) -> int:
    """Sets ``article_count`` on ``entities`` from their linked mentions, with one UPDATE
    of the entities whose count is wrong; purges them and returns how many changed."""
    counted = (
        linked(Mention.objects.filter(entity_id=OuterRef("pk")))
        .order_by()
        .values("entity_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    fresh = Coalesce(Subquery(counted), Value(0))
    stale = list(
        entities.annotate(fresh=fresh)
        .exclude(article_count=F("fresh"))
        .values_list("pk", flat=True)
    )
    if not stale:
        return 0
    # ``update`` leaves ``updated_at`` alone: a count is not an edit of the knowledge base
    # (the gazetteer and the worker's relinking follow that date).
    Entity.objects.filter(pk__in=stale).update(article_count=fresh)
    _purge(stale)
    return len(stale)


def _purge(entity_ids: list[int]) -> None:
    """The index and the profiles of ``entity_ids``; past ``PURGE_EACH`` (a bulk change:
    the worker's repair after an SQL load, a whole section made private), the index and
    every page of the embedded cache at once, as forgetting each profile costs a cache
    write per URL (166 s for 1,000 entities with the file cache, whose cull lists every
    file on each write); the front cache's copies of those profiles expire."""
    if len(entity_ids) <= PURGE_EACH:
        purge_urls(kb_urls(entity_ids))
        return
    transaction.on_commit(pagecache.forget_all)
    purge_urls(kb_urls())


def recount_ids(entity_ids: Iterable[int]) -> int:
    return recount(Entity.objects.filter(pk__in=set(entity_ids)))


def recount_articles(article_ids: QuerySet | Iterable[int]) -> int:
    """``recount`` for the entities mentioned in ``article_ids`` (ids or a ``values`` query)."""
    mentioned = Mention.objects.filter(article_id__in=article_ids).values("entity_id")
    return recount(Entity.objects.filter(pk__in=mentioned))


def recount_mentions(mention_ids: Iterable[int]) -> int:
    """After an update of mentions in SQL (the admin's bulk review): their entities."""
    mentions = Mention.objects.filter(pk__in=list(mention_ids)).values("entity_id")
    return recount(Entity.objects.filter(pk__in=mentions))


def on_mention_change(sender: type[Mention], instance: Mention, **kwargs: Any) -> None:
    """``post_save`` / ``post_delete`` of a mention; not a save of fields that leave the
    count alone (the linker's new offset, surface or times named)."""
    fields = kwargs.get("update_fields")
    if fields is not None and not fields & {"status", "article", "entity"}:
        return
    recount_ids([instance.entity_id])


def on_publish_change(sender: Any, instance: Any, **kwargs: Any) -> None:
    """``page_published`` / ``page_unpublished`` of any page (only articles have mentions)."""
    recount_articles([instance.pk])


def _under(page_id: int) -> None:
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is not None:  # deleted with its page: its mentions are gone too
        recount_articles(Page.objects.filter(path__startswith=page.path).values("pk"))


def on_restriction_change(sender: Any, instance: Any, **kwargs: Any) -> None:
    """``post_save`` / ``post_delete`` of a ``PageViewRestriction``: the pages under it."""
    _under(instance.page_id)


def on_page_move(sender: Any, instance: Any, **kwargs: Any) -> None:
    """``post_page_move``: the moved page and the pages under it, at their new place."""
    _under(instance.pk)


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for n, signal in enumerate((post_save, post_delete)):
        signal.connect(on_mention_change, sender=Mention, dispatch_uid=f"dossier-count-{n}")
        signal.connect(
            on_restriction_change,
            sender=PageViewRestriction,
            dispatch_uid=f"dossier-count-restriction-{n}",
        )
    page_published.connect(on_publish_change, dispatch_uid="dossier-count-publish")
    page_unpublished.connect(on_publish_change, dispatch_uid="dossier-count-unpublish")
    post_page_move.connect(on_page_move, dispatch_uid="dossier-count-move")
