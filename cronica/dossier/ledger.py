"""The seizure ledger: confirmed seizures from published articles, filtered by drug,
country and year, as rows for the page, the CSV and JSON exports and the API."""

import csv
import io
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypedDict

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear, TruncDate
from django.http import HttpRequest
from django.utils.translation import gettext as _

from .drugs import DRUGS
from .merging import shown_once
from .models import Entity, Event, Review

DRUG_NAMES = [name for name, _pattern in DRUGS]
FIELDS = [
    "id",
    "date",
    "drug",
    "kg",
    "qualifier",
    "quantity_text",
    "value_usd",
    "place",
    "country",
    "concealment",
    "article",
    "article_url",
]


class BadFilter(ValueError):
    """A filter value the ledger cannot use; the message says which and why."""


class Filters(TypedDict):
    drug: str
    country: str
    year: int | None


def confirmed_seizures() -> QuerySet:
    seizures = Event.objects.filter(
        published=True,
        kind=Event.Kind.SEIZURE,
        role=Event.Role.REPORT,
        status=Review.CONFIRMED,
    )
    return (
        shown_once(seizures)
        .select_related("article", "place", "country")
        .order_by("-occurred_on", "-article_published_at", "-pk")
    )


def clean_filters(params: Mapping[str, str]) -> Filters:
    """``{"drug", "country", "year"}`` from query parameters; raises ``BadFilter``."""
    drug = params.get("drug", "").strip()
    country = params.get("country", "").strip()
    year = params.get("year", "").strip()
    if drug and drug not in DRUG_NAMES:
        raise BadFilter(
            _("Unknown drug “%(value)s”; use one of: %(choices)s.")
            % {"value": drug[:40], "choices": ", ".join(DRUG_NAMES)}
        )
    if (
        country
        and not Entity.objects.filter(
            kind=Entity.Kind.PLACE, level=Entity.Level.COUNTRY, slug=country
        ).exists()
    ):
        raise BadFilter(_("Unknown country “%(value)s”.") % {"value": country[:60]})
    if year and not (year.isdigit() and 1900 <= int(year) <= 2100):
        raise BadFilter(_("The year must be a number such as 2024."))
    return {"drug": drug, "country": country, "year": int(year) if year else None}


def filtered(filters: Filters) -> QuerySet:
    rows = confirmed_seizures()
    if filters["drug"]:
        rows = rows.filter(drug=filters["drug"])
    if filters["country"]:
        rows = rows.filter(country__slug=filters["country"])
    if filters["year"]:
        year = filters["year"]
        rows = rows.filter(
            Q(occurred_on__year=year) | Q(occurred_on__isnull=True, article_published_at__year=year)
        )
    return rows


def page_of(rows: QuerySet, start: int, stop: int) -> list[Event]:
    """``rows[start:stop]`` with their articles, places and countries. The slice is chosen
    on the events alone, then only its rows are joined: sliced as one query, PostgreSQL
    joined every seizure to its page before sorting (31 of the page's 44 ms of SQL at
    5,000 seizures, bench/README.md)."""
    ids = list(rows.values_list("pk", flat=True)[start:stop])
    found = Event.objects.select_related("article", "place", "country").in_bulk(ids)
    return [found[pk] for pk in ids]


def as_row(event: Event, request: HttpRequest | None = None) -> OrderedDict[str, Any]:
    article = event.article
    return OrderedDict(
        [
            ("id", event.pk),
            ("date", event.date.isoformat() if event.date else None),
            ("drug", event.drug),
            ("kg", event.kg),
            ("qualifier", event.qualifier or None),
            ("quantity_text", event.quantity_text),
            ("value_usd", event.value_usd),
            ("place", event.place.name if event.place else event.place_text or None),
            ("country", event.country.name if event.country else None),
            ("concealment", event.concealment or None),
            ("article", article.title),
            ("article_url", article.canonical_url(request)),
        ]
    )


@dataclass
class Overview:
    """What the ledger page shows beside its rows: how many seizures match and their
    kilograms, the chart's ``{(year, month): kg}``, and the year and country choices."""

    count: int
    kg: float
    months: dict[tuple[int, int], float]
    years: list[int]
    countries: list[Entity]


def overview(filters: Filters) -> Overview:
    """The ``Overview`` from one query over every confirmed seizure, grouped by year,
    month, country and drug, filtered here. Each part needs every seizure's date (when it
    happened, else when its article was published, ``Event.article_published_at``, so no
    seizure is joined to its page): asked one by one, the count, the chart, the years and
    the countries joined every seizure to its page four times."""
    day = Coalesce("occurred_on", TruncDate("article_published_at"))
    groups = list(
        confirmed_seizures()
        .annotate(year=ExtractYear(day), month=ExtractMonth(day))
        .order_by()
        .values_list("year", "month", "country_id", "drug")
        .annotate(n=Count("pk"), total=Sum("kg"))
    )
    countries = list(Entity.objects.filter(pk__in={group[2] for group in groups} - {None}))
    country = next((c.pk for c in countries if c.slug == filters["country"]), None)
    count, kg = 0, 0.0
    months: dict[tuple[int, int], float] = {}
    for year, month, country_id, drug, n, total in groups:
        if (
            (filters["drug"] and drug != filters["drug"])
            or (filters["country"] and (country is None or country_id != country))
            or (filters["year"] and year != filters["year"])
        ):
            continue
        count += n
        kg += total or 0
        if year is not None:
            months[(year, month)] = months.get((year, month), 0) + (total or 0)
    years = sorted({group[0] for group in groups if group[0] is not None}, reverse=True)
    return Overview(count, kg, months, years, countries)


def over_time(months: dict[tuple[int, int], float]) -> list[tuple[str, float]]:
    """``[(period, kilograms)]`` in order, for the chart, from ``Overview.months``: per
    year, or per month when the seizures fall within two years (a single bar says
    nothing)."""
    months = {key: kg for key, kg in months.items() if kg}
    monthly = len({year for year, _month in months}) <= 2
    totals: dict[tuple[int, int], float] = {}
    for (year, month), kg in months.items():
        key = (year, month if monthly else 0)
        totals[key] = totals.get(key, 0) + kg
    return [
        (f"{year}-{month:02d}" if monthly else str(year), totals[(year, month)])
        for year, month in sorted(totals)
    ]


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(FIELDS)
    for row in rows:
        writer.writerow([_cell(row[field]) for field in FIELDS])
    return out.getvalue()
