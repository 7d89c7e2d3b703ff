"""Site search ranks a capped set of candidates (cronica/news/search.py): the most recent
CANDIDATES published matches, best match first, and says so when more matched. On SQLite
and, with DATABASE_URL set, on PostgreSQL (where the candidates come from the GIN
indexes of the title and body vectors)."""

import re

import pytest

from cronica.news import models, search

from .factories import make_article

pytestmark = pytest.mark.django_db


def _titles(html):
    return re.findall(r'<h3><a href="[^"]*">([^<]*)</a></h3>', html)


@pytest.fixture
def convoys(home):
    """Five published articles about a convoy, a day apart (the third has the word in its
    title, the others only in the body), a newer draft and a newer unrelated article."""
    made = []
    for n in range(1, 6):
        title = "A convoy on the toll road" if n == 3 else f"Night report {n}"
        body = "Residents saw a convoy." if n != 3 else "Residents saw trucks."
        made.append(
            make_article(
                home, title, slug=f"report-{n}", body=body, published=f"2024-03-0{n}T08:00"
            )
        )
    make_article(home, "Draft convoy", slug="draft", body="A convoy.", live=False)
    make_article(home, "Port news", slug="port", body="Bananas.", published="2024-03-09T08:00")
    return made


def test_only_the_most_recent_matches_are_ranked_and_the_cap_is_said(client, convoys, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 3)
    html = client.get("/en/search/?q=convoy").content.decode()
    newest = models.ArticlePage.objects.filter(pk__in=[c.pk for c in convoys[2:]])
    ranked = [page.title for page in newest.search("convoy", operator="and")]
    assert sorted(ranked) == ["A convoy on the toll road", "Night report 4", "Night report 5"]
    assert _titles(html) == ranked  # Wagtail's ranking of the three newest matches
    assert "More than 3 articles match: these are the 3 most recent" in html
    html = client.get("/es/search/?q=convoy").content.decode()
    assert "Coinciden más de 3 artículos" in html


def test_below_the_cap_every_match_is_ranked_and_counted(client, convoys, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 5)  # the draft takes no candidate's place
    html = client.get("/en/search/?q=convoy").content.decode()
    assert sorted(_titles(html)) == sorted(c.title for c in convoys)
    assert "5 articles match." in html and "More than" not in html
    assert "1 article matches." in client.get("/en/search/?q=bananas").content.decode()
    assert "match" not in client.get("/en/search/?q=nothing").content.decode().split("<form")[1]


def test_pages_stop_at_the_cap(client, convoys, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 3)
    monkeypatch.setattr(models, "PAGE_SIZE", 2)
    html = client.get("/en/search/?q=convoy&page=2").content.decode()
    assert "Page 2" in html and 'rel="prev"' in html and 'rel="next"' not in html
    assert client.get("/en/search/?q=convoy&page=3").status_code == 404


def test_every_word_must_be_in_the_title_or_the_body(client, home):
    make_article(home, "Fentanilo en la aduana", slug="a", body="Un decomiso récord.")
    make_article(home, "Decomiso de fentanilo", slug="b", body="En el puerto.")
    make_article(home, "Fentanilo en el puerto", slug="c", body="Sin detenidos.")
    html = client.get("/en/search/?q=fentanilo+decomiso").content.decode()
    assert sorted(_titles(html)) == ["Decomiso de fentanilo", "Fentanilo en la aduana"]
    assert "2 articles match." in html


def test_queries_do_not_grow_with_the_results(client, home):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/search/?q=convoy").status_code == 200
        return len(captured)

    make_article(home, "Convoy one", slug="one", body="A convoy.")
    queries()  # the first request also looks the site up (cronica/core/site_lookup.py)
    before = queries()
    for n in range(4):
        make_article(home, f"Convoy {n}", slug=f"more-{n}", body="A convoy.", tags=(f"T{n}",))
    assert "5 articles match." in client.get("/en/search/?q=convoy").content.decode()
    assert queries() == before
