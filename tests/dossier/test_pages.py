"""Public pages, exports and the API, over the demo newsroom and knowledge base."""

import csv
import io
import json

import pytest

from cronica.dossier import ledger
from cronica.dossier.models import Entity, Event, Mention, Review


@pytest.fixture
def demo_kb(demo):
    return {e.name: e for e in Entity.objects.all()}


@pytest.mark.django_db
def test_demo_is_idempotent_and_links_articles(demo_kb):
    from django.core.management import call_command

    counts = (Entity.objects.count(), Mention.objects.count(), Event.objects.count())
    call_command("demo", stdout=io.StringIO())
    assert (Entity.objects.count(), Mention.objects.count(), Event.objects.count()) == counts
    assert Mention.objects.filter(entity__name="Algeciras").exists()
    seizure = Event.objects.get(
        kind="seizure", place__name="Algeciras", status="confirmed", role="report"
    )
    assert seizure.status == Review.CONFIRMED and seizure.kg == 9500


@pytest.mark.django_db
def test_profile_page_shows_relations_map_articles(client, demo_kb):
    response = client.get("/en/kb/algeciras/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert "<svg" in html and "Places of Algeciras" in html
    assert "9,500 kg" in html  # English thousands separator
    assert "spain-record-cocaine-seizure-bananas-2023" in html
    choneros = client.get("/en/kb/los-choneros/").content.decode()
    assert "Relations of Los Choneros" in choneros
    assert 'href="/en/kb/los-lobos/"' in choneros
    assert client.get("/es/kb/los-choneros/").status_code == 200
    assert client.get("/en/kb/no-such-entity/").status_code == 404


@pytest.mark.django_db
def test_index_lists_entities_by_kind(client, demo_kb):
    html = client.get("/en/kb/").content.decode()
    assert "Criminal group" in html and 'href="/en/kb/los-choneros/"' in html
    found = client.get("/en/kb/?q=mencho").content.decode()  # an alias
    assert 'href="/en/kb/nemesio-oseguera-cervantes/"' in found
    assert 'href="/en/kb/los-choneros/"' not in found
    assert "Nothing matches." in client.get("/en/kb/?q=zzzz").content.decode()


@pytest.mark.django_db
def test_ledger_filters_and_exports(client, demo_kb):
    page = client.get("/en/kb/seizures/?drug=cocaine&country=spain&year=2023")
    assert page.status_code == 200
    assert page.content.decode().count('class="kb-row"') == 1
    assert client.get("/en/kb/seizures/?drug=heroin").content.decode().count('class="kb-row"') == 0
    exported = client.get("/en/kb/seizures.csv?country=spain")
    assert exported["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.getvalue().decode())))
    assert rows[0]["kg"] == "9500.0" and rows[0]["place"] == "Algeciras"
    data = json.loads(client.get("/en/kb/seizures.json?drug=cocaine").getvalue())
    assert data["count"] >= 1 and data["results"][0]["drug"] == "cocaine"


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["drug=sugar", "country=atlantis", "year=20x3"])
def test_ledger_rejects_bad_filters_clearly(client, demo_kb, query):
    page = client.get(f"/en/kb/seizures/?{query}")
    assert page.status_code == 400
    assert 'role="alert"' in page.content.decode()
    assert client.get(f"/en/kb/seizures.csv?{query}").status_code == 400
    api = client.get(f"/en/kb/api/seizures/?{query}")
    assert api.status_code == 400 and api.json()["error"]


@pytest.mark.django_db
def test_api_is_read_only_json(client, demo_kb):
    listing = client.get("/en/kb/api/entities/?type=group").json()
    assert {"Los Choneros", "Sinaloa Cartel"} <= {e["name"] for e in listing["results"]}
    assert client.get("/en/kb/api/entities/?type=dragon").status_code == 400
    detail = client.get("/en/kb/api/entities/jose-adolfo-macias-villamar/").json()
    assert "Fito" in [a["text"] for a in detail["aliases"]]
    assert {"relation": "leader_of", "name": "Los Choneros"} in [
        {"relation": r["relation"], "name": r["entity"]["name"]} for r in detail["relations"]
    ]
    assert client.post("/en/kb/api/entities/").status_code == 405


@pytest.mark.django_db
def test_csv_cells_cannot_be_formulas(demo_kb):
    from cronica.dossier.ledger import to_csv

    text = to_csv(
        [
            {
                "id": 1,
                "date": None,
                "drug": "cocaine",
                "kg": 1.0,
                "qualifier": None,
                "quantity_text": "1 kg",
                "value_usd": None,
                "place": "=HYPERLINK(1)",
                "country": None,
                "concealment": "+cmd",
                "article": "a",
                "article_url": "/",
            }
        ]
    )
    assert "'=HYPERLINK(1)" in text and "'+cmd" in text


@pytest.mark.django_db
def test_profiles_are_in_the_sitemap_in_both_languages(client, home):
    Entity.objects.create(kind=Entity.Kind.GROUP, name="Los Lobos")
    text = client.get("/sitemap.xml").content.decode()
    assert "/en/kb/los-lobos/" in text and "/es/kb/los-lobos/" in text
    assert 'hreflang="es"' in text


@pytest.fixture
def many_seizures(demo_kb):
    """Seven more confirmed seizures, copies of the demo's Algeciras one with distinct
    quantities so each row can be told apart on the page."""
    original = Event.objects.get(
        kind="seizure", place__name="Algeciras", status="confirmed", role="report"
    )
    for n in range(7):
        original.pk = None
        original.kg = 1001 + n
        original.fingerprint = f"page-test-{n}"
        original.save()


def _kg_on_page(html):
    import re

    rows = re.findall(r'<tr class="kb-row">(.*?)</tr>', html, re.S)
    return [re.findall(r"<td>(.*?)</td>", row, re.S)[2].split(">")[-1] for row in rows]


@pytest.mark.django_db
def test_ledger_pages_follow_the_export_order(client, many_seizures, monkeypatch):
    from cronica.dossier import views

    monkeypatch.setattr(views, "LEDGER_PAGE", 3)
    exported = client.get("/en/kb/seizures.csv?country=spain")
    expected = [
        round(float(row["kg"]), 1)
        for row in csv.DictReader(io.StringIO(exported.getvalue().decode()))
    ]
    assert len(expected) >= 8
    pages = -(-len(expected) // 3)
    shown = []
    for number in range(1, pages + 1):
        html = client.get(f"/en/kb/seizures/?country=spain&page={number}").content.decode()
        on_page = _kg_on_page(html)
        assert len(on_page) == min(3, len(expected) - 3 * (number - 1))
        shown += [round(float(kg.replace(",", "")), 1) for kg in on_page]
        assert f"Page {number} of {pages}" in html
        has_prev = f'href="?country=spain&amp;page={number - 1}"' in html
        has_next = f'href="?country=spain&amp;page={number + 1}"' in html
        assert has_prev == (number > 1) and has_next == (number < pages)
    assert shown == expected
    total = f"{len(expected)} seizures"
    assert total in client.get("/en/kb/seizures/?country=spain&page=2").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["0", "x", "99", "-1", "2.5"])
def test_ledger_bad_page_is_not_found(client, many_seizures, monkeypatch, page):
    from cronica.dossier import views

    monkeypatch.setattr(views, "LEDGER_PAGE", 3)
    assert client.get(f"/en/kb/seizures/?page={page}").status_code == 404
    assert client.get("/en/kb/seizures/?page=1").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "",
        "drug=cocaine",
        "country=spain",
        "year=2023",
        "drug=cocaine&country=spain&year=2023",
        "country=ecuador&drug=heroin",
    ],
)
def test_the_ledger_overview_counts_what_the_rows_are(many_seizures, query):
    """The grouped query's count, kilograms and chart agree with the filtered rows
    themselves; its choices with every confirmed seizure."""
    from django.http import QueryDict

    filters = ledger.clean_filters(QueryDict(query))
    rows = list(ledger.filtered(filters))
    overview = ledger.overview(filters)
    assert overview.count == len(rows)
    assert overview.kg == pytest.approx(sum(e.kg or 0 for e in rows))
    months = {}
    for e in rows:
        months[(e.date.year, e.date.month)] = months.get((e.date.year, e.date.month), 0) + (
            e.kg or 0
        )
    assert overview.months == pytest.approx(months)
    every = list(ledger.confirmed_seizures())
    assert overview.years == sorted({e.date.year for e in every}, reverse=True)
    assert {c.pk for c in overview.countries} == {e.country_id for e in every} - {None}


@pytest.fixture
def undated_seizures(many_seizures):
    """The confirmed seizures but one without a date of their own, their articles published
    over three years (set in SQL, then repaired by the worker's check as on an imported
    site), so the ledger's order, chart and years depend on the articles' dates."""
    from datetime import UTC, datetime, timedelta

    from wagtail.models import Page

    from cronica.dossier import jobs
    from cronica.news.models import ArticlePage

    seizures = list(ledger.confirmed_seizures().order_by("pk"))
    articles = list(ArticlePage.objects.live().order_by("pk").values_list("pk", flat=True))
    assert len(articles) > 3
    for n, seizure in enumerate(seizures[1:]):
        moved = Event.objects.filter(pk=seizure.pk)
        moved.update(article_id=articles[n % len(articles)], occurred_on=None)
    start = datetime(2021, 1, 15, 9, tzinfo=UTC)
    for n, article_id in enumerate(articles):
        dated = start + timedelta(days=190 * n)
        Page.objects.filter(pk=article_id).update(first_published_at=dated)
    assert jobs.check_published() > 0
    return seizures


@pytest.mark.django_db
def test_the_ledger_order_and_chart_are_those_of_the_article_dates(undated_seizures):
    """``Event.article_published_at`` gives the order, chart and years that joining the
    seizures to their pages gave."""
    from django.db.models import Count, Q, Sum
    from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear, TruncDate
    from django.http import QueryDict

    rows = ledger.confirmed_seizures()
    joined = list(rows.order_by("-occurred_on", "-article__first_published_at", "-pk"))
    assert list(rows) == joined
    assert len({e.date.year for e in joined if not e.occurred_on}) > 2
    day = Coalesce("occurred_on", TruncDate("article__first_published_at"))
    grouped = (
        rows.annotate(year=ExtractYear(day), month=ExtractMonth(day))
        .order_by()
        .values_list("year", "month")
        .annotate(n=Count("pk"), total=Sum("kg"))
    )
    months = {(year, month): total for year, month, _n, total in grouped}
    overview = ledger.overview(ledger.clean_filters(QueryDict("")))
    assert overview.months == pytest.approx(months)
    assert overview.years == sorted({year for year, _month in months}, reverse=True)
    for year in overview.years:
        by_year = rows.filter(
            Q(occurred_on__year=year)
            | Q(occurred_on__isnull=True, article__first_published_at__year=year)
        )
        assert list(ledger.filtered(ledger.clean_filters(QueryDict(f"year={year}")))) == list(
            by_year
        )
