"""What a profile shows: relations, articles, confirmed events and places, gathered once
for the HTML page and the JSON API alike."""

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from . import svg
from .merging import shown_once
from .models import Entity, Event, Review

if TYPE_CHECKING:
    from cronica.news.models import ArticlePage


@dataclass
class Profile:
    entity: Entity
    outgoing: list = field(default_factory=list)
    incoming: list = field(default_factory=list)
    articles: list = field(default_factory=list)
    events: list = field(default_factory=list)
    places: list = field(default_factory=list)

    def timeline(self) -> "list[tuple[date, str, ArticlePage | Event]]":
        """Articles and events together, newest first."""
        items = [(a.published.date(), "article", a) for a in self.articles]
        items += [(e.date, "event", e) for e in self.events if e.date]
        return sorted(items, key=lambda item: (item[0], item[1]), reverse=True)

    def graph(self) -> SafeString | None:
        edges = [
            (r.get_kind_display(), r.target.name, r.target.kind, r.target.get_absolute_url(), True)
            for r in self.outgoing
        ]
        edges += [
            (
                r.get_kind_display(),
                r.subject.name,
                r.subject.kind,
                r.subject.get_absolute_url(),
                False,
            )
            for r in self.incoming
        ]
        parent = self.entity.parent
        if parent is not None:
            edges.append(
                (_("located in"), parent.name, parent.kind, parent.get_absolute_url(), True)
            )
        if not edges:
            return None
        return svg.relation_graph(
            (self.entity.name, self.entity.kind),
            edges[:16],
            _("Relations of %(name)s") % {"name": self.entity.name},
        )

    def map(self) -> SafeString | None:
        return svg.point_map(
            [
                (
                    p.name,
                    p.latitude,
                    p.longitude,
                    None if p.pk == self.entity.pk else p.get_absolute_url(),
                )
                for p in self.places
            ],
            _("Places of %(name)s") % {"name": self.entity.name},
        )


def confirmed_events(entity: Entity) -> QuerySet:
    """Confirmed events from published articles that involve ``entity`` or happened in it."""
    involved = Event.objects.filter(entities=entity).values("pk")
    events = Event.objects.filter(
        published=True, status=Review.CONFIRMED, role=Event.Role.REPORT
    ).filter(Q(pk__in=involved) | Q(place=entity) | Q(country=entity))
    return (
        shown_once(events)
        .select_related("article", "place", "country")
        .order_by("-occurred_on", "-pk")
    )


def attach_sources(events: list[Event]) -> list[Event]:
    """Sets ``shown_sources`` on each event: every live, public article that reports it
    (its own, and those of the other reports merged with it), in one query for all."""
    roots = {e.pk: e.same_as_id or e.pk for e in events}
    reports = (
        Event.objects.filter(Q(pk__in=roots.values()) | Q(same_as__in=roots.values()))
        .exclude(status=Review.REJECTED)
        .filter(published=True)
        .select_related("article")
        .order_by("pk")
    )
    by_root: dict[int, dict[int, ArticlePage]] = {}
    for report in reports:
        root = report.same_as_id or report.pk
        articles = by_root.setdefault(root, {})
        if report.pk == root:  # the first report's article comes first
            articles = by_root[root] = {report.article.pk: report.article, **articles}
        else:
            articles.setdefault(report.article.pk, report.article)
    for event in events:
        event.shown_sources = list(by_root.get(roots[event.pk], {}).values()) or [event.article]
    return events


def profile(entity: Entity) -> Profile:
    outgoing = list(entity.relations.select_related("target"))
    incoming = list(entity.incoming_relations.select_related("subject"))
    events = attach_sources(list(confirmed_events(entity)))
    places: dict[int, Entity] = {}
    candidates = [entity] + [r.target for r in outgoing] + [r.subject for r in incoming]
    candidates += [e.place for e in events if e.place]
    if entity.level == Entity.Level.COUNTRY:
        candidates += list(entity.children.all()[:30])
    for place in candidates:
        if (
            place.kind == Entity.Kind.PLACE
            and place.latitude is not None
            and place.longitude is not None
        ):
            places.setdefault(place.pk, place)
    return Profile(
        entity=entity,
        outgoing=outgoing,
        incoming=incoming,
        articles=list(entity.linked_articles()[:100]),
        events=events,
        places=list(places.values()),
    )
