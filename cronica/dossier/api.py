"""The read-only JSON API of the knowledge base: entities, one entity with its relations,
articles and confirmed events, and the seizure ledger. GET only; no keys, no cookies."""

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_safe

from . import exports, ledger
from .models import Entity
from .profiles import profile

PAGE_SIZE = 100


def _error(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _summary(entity: Entity) -> dict[str, Any]:
    return {
        "slug": entity.slug,
        "name": entity.name,
        "type": entity.kind,
        "status": entity.status,
        "url": entity.get_absolute_url(),
        "api_url": reverse("dossier:api_entity", args=[entity.slug]),
    }


@require_safe
def root(request: HttpRequest) -> JsonResponse:
    prefix = request.path
    return JsonResponse({"entities": f"{prefix}entities/", "seizures": f"{prefix}seizures/"})


@require_safe
def entities(request: HttpRequest) -> JsonResponse:
    items = Entity.objects.order_by("name")
    kind = request.GET.get("type", "")
    if kind:
        if kind not in Entity.Kind.values:
            return _error(f"unknown type {kind[:40]!r}; use one of {', '.join(Entity.Kind.values)}")
        items = items.filter(kind=kind)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        items = items.filter(name__icontains=query)
    page_number = request.GET.get("page", "1")
    if not page_number.isdigit() or int(page_number) < 1:
        return _error("page must be a positive number")
    paginator = Paginator(items, PAGE_SIZE)
    if int(page_number) > max(paginator.num_pages, 1):
        return _error("no such page", status=404)
    page = paginator.page(int(page_number))
    return JsonResponse(
        {
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "results": [_summary(e) for e in page.object_list],
        }
    )


@require_safe
def entity(request: HttpRequest, slug: str) -> JsonResponse:
    item = get_object_or_404(Entity, slug=slug)
    found = profile(item)
    data = _summary(item)
    data.update(
        {
            "summary": item.localized_summary(),
            "aliases": [
                {"text": a.text, "language": a.language or None} for a in item.aliases.all()
            ],
            "latitude": item.latitude,
            "longitude": item.longitude,
            "sources": item.source_lines(),
            "relations": [
                {
                    "relation": r.kind,
                    "entity": _summary(r.target),
                    "since": r.start,
                    "until": r.end,
                    "source": r.source or None,
                }
                for r in found.outgoing
            ]
            + [
                {
                    "relation": r.kind,
                    "inverse": True,
                    "entity": _summary(r.subject),
                    "since": r.start,
                    "until": r.end,
                    "source": r.source or None,
                }
                for r in found.incoming
            ],
            "articles": [
                {
                    "title": a.title,
                    "url": a.canonical_url(request),
                    "published": a.published.isoformat(),
                }
                for a in found.articles
            ],
            "events": [
                {
                    "type": e.kind,
                    "date": e.date,
                    "sentence": e.sentence,
                    "kg": e.kg,
                    "drug": e.drug or None,
                    "value_usd": e.value_usd,
                    "count": e.count,
                    "article_url": e.article.canonical_url(request),
                    "sources": [a.canonical_url(request) for a in e.shown_sources],
                }
                for e in found.events
            ],
        }
    )
    return JsonResponse(data)


@require_safe
def seizures(request: HttpRequest) -> HttpResponseBase:
    try:
        filters = ledger.clean_filters(request.GET)
    except ledger.BadFilter as error:
        return _error(str(error))
    return exports.seizures_json(ledger.filtered(filters), filters, request)
