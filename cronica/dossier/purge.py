"""Which public pages a knowledge-base change touches, so the page caches forget exactly
those (the mechanism is cronica/news/purge.py's ``purge_urls``).

An entity shows on its own profile (HTML and API), on the profiles of the entities it is
related to or located in, on the articles that mention it (as a link), in the index, the
ledger and its exports when it is a place, and in the sitemap. A mention shows on its
article and its entity's profile; an event on the ledger, its article and the profiles of
the entities and places it names.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from cronica.news.purge import page_urls, purge_urls

from .models import Alias, Entity, Event, Mention, Relation, Review

LISTINGS = (
    "dossier:index",
    "dossier:seizures",
    "dossier:seizures_csv",
    "dossier:seizures_json",
    "dossier:api",
    "dossier:api_entities",
    "dossier:api_seizures",
)


def _root_url() -> str:
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else settings.SITE_URL


def kb_urls(entity_ids: Iterable[int] = (), article_ids: Iterable[int] = ()) -> list[str]:
    """The knowledge base's listings, the profiles of ``entity_ids`` and the pages of the
    live articles ``article_ids``, in every UI language."""
    from cronica.news.models import ArticlePage

    root = _root_url()
    slugs = list(Entity.objects.filter(pk__in=set(entity_ids)).values_list("slug", flat=True))
    urls = [root + reverse("sitemap")]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls += [root + reverse(name) for name in LISTINGS]
            for slug in slugs:
                urls.append(root + reverse("dossier:entity", args=(slug,)))
                urls.append(root + reverse("dossier:api_entity", args=(slug,)))
    for article in ArticlePage.objects.live().filter(pk__in=set(article_ids)):
        urls += page_urls(article)
    return urls


def entity_neighbourhood(entity: Entity) -> tuple[set[int], set[int]]:
    """Entity ids whose profiles show ``entity``, and article ids that link to it."""
    ids = {entity.pk}
    if entity.parent_id:
        ids.add(entity.parent_id)
    ids.update(Entity.objects.filter(parent=entity).values_list("pk", flat=True))
    for subject, target in Relation.objects.filter(
        Q(subject=entity) | Q(target=entity)
    ).values_list("subject_id", "target_id"):
        ids.update((subject, target))
    articles = (
        Mention.objects.filter(entity=entity)
        .exclude(status=Review.REJECTED)
        .values_list("article_id", flat=True)
    )
    return ids, set(articles)


def on_entity_change(sender: type[Entity], instance: Entity, **kwargs: object) -> None:
    """post_save and pre_delete of an entity (before deletion its links still exist)."""
    entity_ids, article_ids = entity_neighbourhood(instance)
    purge_urls(kb_urls(entity_ids, article_ids))


def on_alias_or_relation_change(
    sender: type[Alias | Relation], instance: Alias | Relation, **kwargs: object
) -> None:
    ids = {instance.entity_id} if isinstance(instance, Alias) else set()
    if isinstance(instance, Relation):
        ids |= {instance.subject_id, instance.target_id}
    purge_urls(kb_urls(ids))


def on_mention_change(sender: type[Mention], instance: Mention, **kwargs: object) -> None:
    purge_urls(kb_urls({instance.entity_id}, {instance.article_id}))


def _event_entities(event: Event) -> set[int]:
    ids = {event.place_id, event.country_id} - {None}
    if event.pk:
        ids.update(event.entities.values_list("pk", flat=True))
    return ids


def on_event_change(sender: type[Event], instance: Event, **kwargs: object) -> None:
    """post_save and pre_delete of an event."""
    purge_urls(kb_urls(_event_entities(instance), {instance.article_id}))


def on_event_entities_change(
    sender: type,
    instance: object,
    action: str,
    pk_set: set[int] | None = None,
    **kwargs: object,
) -> None:
    """m2m_changed of ``Event.entities``: the entities gained or lost a line."""
    if action in ("post_add", "post_remove", "pre_clear") and isinstance(instance, Event):
        purge_urls(kb_urls(_event_entities(instance) | set(pk_set or ())))


def connect() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

    handlers = [
        (Entity, on_entity_change, (post_save, pre_delete)),
        (Alias, on_alias_or_relation_change, (post_save, post_delete)),
        (Relation, on_alias_or_relation_change, (post_save, post_delete)),
        (Mention, on_mention_change, (post_save, post_delete)),
        (Event, on_event_change, (post_save, pre_delete)),
    ]
    for model, handler, signals in handlers:
        for n, signal in enumerate(signals):
            signal.connect(
                handler, sender=model, dispatch_uid=f"dossier-purge-{model.__name__}-{n}"
            )
    m2m_changed.connect(
        on_event_entities_change, sender=Event.entities.through, dispatch_uid="dossier-purge-m2m"
    )
