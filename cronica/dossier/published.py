"""``Event.published``: whether an event's article is live and public, stored on the event
and kept true here, so the ledger, profiles and ``shown_once`` filter on an indexed column;
and ``Event.article_published_at``, the article's ``first_published_at``, kept with it so
the ledger sorts and charts seizures by date without joining them to their pages.

``Page.objects.live().public()`` is the definition of a published article. Asked in every
ledger query (as a subquery, or an ``EXISTS`` per event) it cost 0.7-0.8 s a page at
100,000 articles (bench/search_ledger.py): PostgreSQL joins every seizure to its page and
the private sections for the count, the rows, the chart, the years and the countries.

What makes an article stop or start being published (or gives it its first publication
date, which Wagtail sets on the first publish and keeps after), and where both follow it:

- publish and unpublish (``page_published`` / ``page_unpublished``, sent for every page
  Wagtail publishes or unpublishes, descendants included);
- a private section added, changed or removed (``PageViewRestriction`` saved or deleted),
  for every page under it;
- a page moved (``post_page_move``), for every page under it: a new parent may be private;
- a new event (``pre_save``) takes its article's state, and linking re-checks the
  article's events when it is done;
- ``jobs.check_published``, a periodic job of the worker, repairs anything a path above missed
  (a bulk SQL change such as the importer's dates, a signal lost to a crash) and logs how
  many it fixed.

When a flag or a date changes, the page caches forget the listings and the profiles of the entities
the events name (``purge.kb_urls``).
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import F, OuterRef, Q, QuerySet, Subquery

from cronica.news.purge import purge_urls

from .models import Event
from .purge import kb_urls


def _public_pages() -> QuerySet:
    from wagtail.models import Page

    return Page.objects.live().public()


def _affected_entities(changed: QuerySet) -> set[int]:
    """Entities whose profiles show one of the ``changed`` events, or an event merged with
    one of them (the first report's profile lists every source)."""
    related = Event.objects.filter(
        Q(pk__in=changed.values("pk"))
        | Q(pk__in=changed.values("same_as_id"))
        | Q(same_as__in=changed.values("pk"))
    )
    ids: set[int] = set()
    for place_id, country_id in related.values_list("place_id", "country_id"):
        ids.update((place_id, country_id))
    through = Event.entities.through.objects.filter(event__in=related.values("pk"))
    ids.update(through.values_list("entity_id", flat=True))
    return ids - {None}


def _redated(events: QuerySet) -> QuerySet:
    """The ``events`` whose ``article_published_at`` is not their article's
    ``first_published_at`` (either may be null)."""
    page_date = F("article__first_published_at")
    return events.exclude(article_published_at=page_date).exclude(
        article_published_at__isnull=True, article__first_published_at__isnull=True
    )


def sync(events: QuerySet) -> int:
    """Sets ``published`` and ``article_published_at`` on ``events`` from their articles;
    purges what changed and returns how many events changed."""
    from wagtail.models import Page

    public = _public_pages().values("pk")
    gaining = events.filter(published=False, article_id__in=public)
    losing = events.filter(published=True).exclude(article_id__in=public)
    redated = _redated(events)
    changed = Event.objects.filter(
        Q(pk__in=gaining.values("pk"))
        | Q(pk__in=losing.values("pk"))
        | Q(pk__in=redated.values("pk"))
    )
    changed_ids = list(changed.values_list("pk", flat=True))
    if not changed_ids:
        return 0
    entity_ids = _affected_entities(Event.objects.filter(pk__in=changed_ids))
    page_date = Page.objects.filter(pk=OuterRef("article_id")).values("first_published_at")
    redated.update(article_published_at=Subquery(page_date))
    gaining.update(published=True)
    losing.update(published=False)
    purge_urls(kb_urls(entity_ids))
    return len(changed_ids)


def sync_articles(article_ids: Iterable[int]) -> int:
    """``sync`` for the events of the articles ``article_ids``."""
    return sync(Event.objects.filter(article_id__in=set(article_ids)))


def sync_under(page: Any) -> int:
    """``sync`` for the events of ``page`` and of every page below it."""
    return sync(Event.objects.filter(article__path__startswith=page.path))


def on_new_event(sender: type[Event], instance: Event, **kwargs: Any) -> None:
    """``pre_save`` of an event: a new one starts with its article's state and date."""
    from wagtail.models import Page

    if instance._state.adding and instance.article_id:
        instance.published = _public_pages().filter(pk=instance.article_id).exists()
        instance.article_published_at = (
            Page.objects.filter(pk=instance.article_id)
            .values_list("first_published_at", flat=True)
            .first()
        )


def on_publish_change(sender: Any, instance: Any, **kwargs: Any) -> None:
    """``page_published`` / ``page_unpublished`` of any page (only articles have events)."""
    sync_articles([instance.pk])


def on_restriction_change(sender: Any, instance: Any, **kwargs: Any) -> None:
    """``post_save`` / ``post_delete`` of a ``PageViewRestriction``: the pages under it."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # deleted with its page: its events are gone too
        sync_under(page)


def on_page_move(sender: Any, instance: Any, **kwargs: Any) -> None:
    """``post_page_move``: the moved page and the pages under it, at their new place."""
    from wagtail.models import Page

    sync_under(Page.objects.get(pk=instance.pk))


def connect() -> None:
    from django.db.models.signals import post_delete, post_save, pre_save
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    pre_save.connect(on_new_event, sender=Event, dispatch_uid="dossier-published-new-event")
    page_published.connect(on_publish_change, dispatch_uid="dossier-published-publish")
    page_unpublished.connect(on_publish_change, dispatch_uid="dossier-published-unpublish")
    post_page_move.connect(on_page_move, dispatch_uid="dossier-published-move")
    for n, signal in enumerate((post_save, post_delete)):
        signal.connect(
            on_restriction_change,
            sender=PageViewRestriction,
            dispatch_uid=f"dossier-published-restriction-{n}",
        )
