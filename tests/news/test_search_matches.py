"""Which articles a search finds, and in what order, through the search page: every word
must match, only live and public articles count (also when they stop being so after they
were indexed), the newest matches are the ones ranked, and accents are kept. On SQLite and,
with DATABASE_URL set, on PostgreSQL, where the matches come from the index entries alone
(cronica/news/search_postgres.py: a publication date kept on each entry by triggers, a
short walk by date, else the GIN index); there both ways must give the same answer."""

import re
from datetime import UTC, datetime

import pytest
from django.db import connection
from wagtail.models import PageViewRestriction

from cronica.news import models, search

from .factories import make_article

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the PostgreSQL way to find the matches"
)


def _titles(client, query):
    html = client.get(f"/en/search/?q={query}").content.decode()
    return re.findall(r'<h3><a href="[^"]*">([^<]*)</a></h3>', html)


@pytest.fixture
def seizures(home):
    """Six published articles a day apart, newest last; the words spread over titles and
    bodies."""
    made = [
        ("Fentanilo en la aduana", "Un decomiso récord en el puerto."),
        ("Decomiso de fentanilo", "En el puerto de Manzanillo."),
        ("Fentanilo en el puerto", "Sin detenidos."),
        ("Decomiso en la carretera", "Cocaína en un camión."),
        ("Otro decomiso", "Fentanilo y cocaína en una bodega."),
        ("Convoy en Reynosa", "Sin decomiso."),
    ]
    return [
        make_article(home, t, slug=f"s{n}", body=b, published=f"2024-05-0{n + 1}T08:00")
        for n, (t, b) in enumerate(made)
    ]


def test_every_word_must_match_in_the_title_or_the_body(client, seizures):
    assert sorted(_titles(client, "fentanilo+decomiso")) == [
        "Decomiso de fentanilo",
        "Fentanilo en la aduana",
        "Otro decomiso",
    ]
    assert sorted(_titles(client, "fentanilo+decomiso+puerto")) == [
        "Decomiso de fentanilo",
        "Fentanilo en la aduana",
    ]
    assert _titles(client, "fentanilo+reynosa") == []
    # Case and punctuation do not matter; an accented word finds the accented text.
    assert _titles(client, "FENTANILO,+decomiso!") == _titles(client, "fentanilo+decomiso")
    assert sorted(_titles(client, "cocaína")) == ["Decomiso en la carretera", "Otro decomiso"]


def test_an_article_unpublished_after_indexing_is_not_found_until_it_is_live_again(
    client, seizures
):
    article = seizures[1]
    assert "Decomiso de fentanilo" in _titles(client, "fentanilo+decomiso")
    article.unpublish()
    assert "Decomiso de fentanilo" not in _titles(client, "fentanilo+decomiso")
    article.save_revision().publish()
    assert "Decomiso de fentanilo" in _titles(client, "fentanilo+decomiso")


def test_a_draft_never_takes_a_candidates_place(client, home, seizures, monkeypatch):
    make_article(home, "Borrador fentanilo decomiso", slug="draft", live=False)
    monkeypatch.setattr(search, "CANDIDATES", 2)
    assert sorted(_titles(client, "fentanilo+decomiso")) == [
        "Decomiso de fentanilo",
        "Otro decomiso",
    ]


def test_a_private_article_is_not_found_and_takes_no_candidates_place(
    client, seizures, monkeypatch
):
    newest = seizures[4]  # "Otro decomiso", the newest that has both words
    PageViewRestriction.objects.create(page=newest, restriction_type="login")
    monkeypatch.setattr(search, "CANDIDATES", 2)
    html = client.get("/en/search/?q=fentanilo+decomiso").content.decode()
    assert sorted(re.findall(r'<h3><a href="[^"]*">([^<]*)</a></h3>', html)) == [
        "Decomiso de fentanilo",
        "Fentanilo en la aduana",
    ]
    assert "2 articles match." in html and "More than" not in html
    monkeypatch.setattr(search, "CANDIDATES", 1)  # the private one was among the newest two
    html = client.get("/en/search/?q=fentanilo+decomiso").content.decode()
    assert re.findall(r'<h3><a href="[^"]*">([^<]*)</a></h3>', html) == ["Decomiso de fentanilo"]
    assert "More than 1 articles match" in html


def test_the_newest_matches_follow_a_changed_publication_date(client, seizures, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 1)
    assert _titles(client, "fentanilo+decomiso") == ["Otro decomiso"]
    oldest = seizures[0]
    later = datetime(2025, 1, 1, 8, tzinfo=UTC)
    models.ArticlePage.objects.filter(pk=oldest.pk).update(first_published_at=later)
    assert _titles(client, "fentanilo+decomiso") == ["Fentanilo en la aduana"]


@on_postgresql
@pytest.mark.parametrize("query", ["decomiso", "fentanilo+decomiso", "cocaína", "nada"])
def test_the_walk_and_the_gin_read_find_the_same_articles(client, seizures, monkeypatch, query):
    from cronica.news import search_postgres

    def both_ways():
        # A walk whatever the planner expects (it falls back on the GIN read when the newest
        # entries hold too few matches), then a walk too short to be tried.
        monkeypatch.setattr(search_postgres, "_share_matching", lambda *args: 1.0)
        monkeypatch.setattr(search_postgres, "WALK", 2000)
        walked = _titles(client, query)
        monkeypatch.setattr(search_postgres, "WALK", 1)
        assert _titles(client, query) == walked
        return walked

    monkeypatch.setattr(search, "CANDIDATES", 2)
    newest = both_ways()
    monkeypatch.setattr(search, "CANDIDATES", 20)
    assert set(newest) <= set(both_ways())


@on_postgresql
def test_each_entry_carries_its_pages_date_only_while_the_page_is_live(seizures):
    from django.contrib.contenttypes.models import ContentType

    article = seizures[2]
    content_type = ContentType.objects.get_for_model(models.ArticlePage).pk

    def stored():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT cronica_published_at FROM wagtailsearch_indexentry "
                "WHERE content_type_id = %s AND object_id = %s",
                [content_type, str(article.pk)],
            )
            return cursor.fetchone()[0]

    assert stored() == models.ArticlePage.objects.get(pk=article.pk).first_published_at
    article.unpublish()
    assert stored() is None
    article.save_revision().publish()
    assert stored() == models.ArticlePage.objects.get(pk=article.pk).first_published_at
