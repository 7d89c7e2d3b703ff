"""One event, many articles: a seizure or an arrest reported by several outlets is one
event with several sources, shown once on profiles, timelines and in the ledger.

When an article is linked, each of its events is compared with the events other
articles already reported: the same kind, the same date (give or take a few days, as
outlets date an event by its announcement), the same place where both say one, and

- for a seizure: the same drug and the same quantity within 1 % (or the same count);
- for an arrest, killing or extradition: at least one person or group in common.

The later report points at the first (``same_as``); the first is the event shown, and
the others are its sources. A rejected event is never a merge target.
"""

from collections.abc import Iterable
from datetime import timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet

from .models import Entity, Event, Review

DAYS = 7


def _same_place(a: Event, b: Event) -> bool:
    """Places that can be the same: a city and its port are (one outlet more precise
    than the other) when both are in the same country."""
    if a.country_id and b.country_id:
        return a.country_id == b.country_id
    return not (a.place_id and b.place_id and a.place_id != b.place_id)


def _same_date(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return True
    return abs(a.date - b.date) <= timedelta(days=DAYS)


def candidates(event: Event) -> QuerySet:
    others = (
        Event.objects.filter(kind=event.kind, role=Event.Role.REPORT, same_as__isnull=True)
        .exclude(article_id=event.article_id)
        .exclude(status=Review.REJECTED)
        .select_related("article")
    )
    if event.kind == Event.Kind.SEIZURE:
        others = others.filter(drug=event.drug)
        if event.kg:
            return others.filter(kg__gte=event.kg * 0.99, kg__lte=event.kg * 1.01)
        if event.item_count:
            return others.filter(
                item_unit=event.item_unit,
                item_count__gte=event.item_count * 0.99,
                item_count__lte=event.item_count * 1.01,
            )
        return others.none()
    involved = list(event.entities.exclude(kind=Entity.Kind.PLACE).values_list("pk", flat=True))
    if not involved:
        return others.none()
    return others.filter(Q(entities__in=involved)).distinct()


def same_event(event: Event) -> Event | None:
    """The first report of the same event in another article, or None."""
    if event.role != Event.Role.REPORT:
        return None
    for other in candidates(event).order_by("pk"):
        if _same_date(event, other) and _same_place(event, other):
            return other
    return None


def merge(events: Iterable[Event]) -> None:
    """Points each of ``events`` (one article's, saved) at the same event reported
    earlier by another article, or clears a link that no longer holds."""
    for event in events:
        found = same_event(event)
        if found is not None and found.same_as_id:
            found = found.same_as
        if (found.pk if found else None) != event.same_as_id:
            event.same_as = found
            event.save(update_fields=["same_as"])


def shown_once(events: QuerySet) -> QuerySet:
    """Drops from a queryset of confirmed events the reports of an event that is
    itself shown (confirmed, published): each event appears once."""
    shown = Event.objects.filter(pk=OuterRef("same_as_id"), status=Review.CONFIRMED, published=True)
    return events.exclude(Exists(shown))
