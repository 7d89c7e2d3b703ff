"""Public pages of the knowledge base, under /<lang>/kb/: an index, a profile per entity
and the seizure ledger with its chart and exports. Plain GET pages that set no cookie, so
the cache in front can serve them; everything is drawn on the server."""

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import exports, ledger, svg
from .models import Alias, Entity
from .profiles import profile

PER_KIND = 200
LEDGER_PAGE = 100


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Entities by kind, most written about first (``Entity.article_count``); ``?q=``
    searches names and aliases."""
    query = request.GET.get("q", "").strip()[:100]
    entities = Entity.objects.only("kind", "name", "slug", "article_count")
    if query:
        aliases = Alias.objects.filter(text__icontains=query).values("entity_id")
        entities = entities.filter(Q(name__icontains=query) | Q(pk__in=aliases))
    entities = entities.order_by("-article_count", "name")
    totals = dict(entities.order_by().values_list("kind").annotate(n=Count("pk")))
    groups = []
    for kind, label in Entity.Kind.choices:
        items = list(entities.filter(kind=kind)[:PER_KIND])
        if items:
            groups.append((label, items, max(totals[kind] - PER_KIND, 0)))
    return render(request, "dossier/index.html", {"groups": groups, "query": query})


@require_safe
def entity(request: HttpRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(Entity, slug=slug)
    return render(request, "dossier/entity.html", {"profile": profile(item), "entity": item})


def _ledger_filters(request: HttpRequest) -> tuple[ledger.Filters | None, str]:
    try:
        return ledger.clean_filters(request.GET), ""
    except ledger.BadFilter as error:
        return None, str(error)


@require_safe
def seizures(request: HttpRequest) -> HttpResponse:
    filters, error = _ledger_filters(request)
    if filters is None:
        return render(request, "dossier/seizures.html", {"error": error}, status=400)
    events = ledger.filtered(filters)
    overview = ledger.overview(filters)
    paginator = Paginator(events, LEDGER_PAGE, allow_empty_first_page=True)
    paginator.count = overview.count
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage as invalid:
        raise Http404(str(invalid)) from invalid
    start = (page.number - 1) * paginator.per_page
    stop = start + paginator.per_page
    params = request.GET.copy()
    params.pop("page", None)
    query = params.urlencode()
    context = {
        "rows": [ledger.as_row(e, request) for e in ledger.page_of(events, start, stop)],
        "page": page,
        "count": overview.count,
        "filters": filters,
        "drugs": ledger.DRUG_NAMES,
        "countries": overview.countries,
        "years": overview.years,
        "total_kg": overview.kg,
        "chart": svg.bar_chart(ledger.over_time(overview.months), _("Kilograms seized over time")),
        "query": f"?{query}" if query else "",
        "page_query": f"?{query}&page=" if query else "?page=",
    }
    return render(request, "dossier/seizures.html", context)


@require_safe
def seizures_csv(request: HttpRequest) -> HttpResponseBase:
    filters, error = _ledger_filters(request)
    if filters is None:
        return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
    return exports.seizures_csv(ledger.filtered(filters), request)
