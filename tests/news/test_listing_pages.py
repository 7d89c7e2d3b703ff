"""Listings page through their articles newest first, ``?page=N``, with Newer and Older
links and the page's number (no count of the whole listing: cronica/news/listing.py).
Each page shows its own articles with their bylines, tags and comment counts; a number
past the last page is a 404. On SQLite and, with DATABASE_URL set, on PostgreSQL."""

import re

import pytest

from cronica.comments.models import Comment
from cronica.news import models

from .factories import make_article

pytestmark = pytest.mark.django_db


def _titles(html):
    return re.findall(r'<h3><a href="[^"]*">([^<]*)</a></h3>', html)


@pytest.fixture
def five(home, monkeypatch):
    """Five published articles a day apart in January 2024 (two a page), a draft and a
    private article newer than all of them, and a March article with another tag."""
    from wagtail.models import PageViewRestriction

    monkeypatch.setattr(models, "PAGE_SIZE", 2)
    made = [
        make_article(home, f"Report {n}", tags=("ports",), published=f"2024-01-0{n}T08:00")
        for n in range(1, 6)
    ]
    make_article(home, "Draft", live=False)
    private = make_article(home, "Private", published="2024-01-09T08:00")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_article(home, "March", tags=("border",), published="2024-03-01T08:00")
    return made


def _nav(html):
    return (
        'rel="prev"' in html,
        re.search(r"<span>Page (\d+)</span>", html).group(1),
        'rel="next"' in html,
    )


def test_the_home_page_pages_newest_first(client, five):
    pages = [client.get(f"/en/?page={n}").content.decode() for n in (1, 2, 3)]
    assert [_titles(html) for html in pages] == [
        ["March", "Report 5"],
        ["Report 4", "Report 3"],
        ["Report 2", "Report 1"],
    ]
    assert [_nav(html) for html in pages] == [
        (False, "1", True),
        (True, "2", True),
        (True, "3", False),
    ]
    assert 'href="?page=3"' in pages[1] and 'href="?page=1"' in pages[1]
    assert client.get("/en/").content == client.get("/en/?page=1").content
    assert client.get("/en/?page=4").status_code == 404


def test_each_page_shows_its_articles_bylines_tags_and_comment_counts(client, five):
    Comment.objects.create(article=five[2], body="Bien.", status=Comment.Status.PUBLISHED)
    Comment.objects.create(article=five[2], body="Held.", status=Comment.Status.PENDING)
    html = client.get("/es/?page=2").content.decode()
    assert _titles(html) == ["Report 4", "Report 3"]
    assert html.count("Sombra") == 2 and html.count('href="/es/tags/ports/"') == 2
    assert "1 comentario" in html and "Página 2" in html


def test_tag_and_month_listings_page_the_same_way(client, five):
    tag = [client.get(f"/en/tags/ports/?page={n}").content.decode() for n in (1, 3)]
    assert [_titles(html) for html in tag] == [["Report 5", "Report 4"], ["Report 1"]]
    assert client.get("/en/tags/ports/?page=4").status_code == 404
    month = [client.get(f"/en/archive/2024/01/?page={n}").content.decode() for n in (1, 3)]
    assert [_titles(html) for html in month] == [["Report 5", "Report 4"], ["Report 1"]]
    assert _nav(month[1]) == (True, "3", False)
    assert client.get("/en/archive/2024/01/?page=4").status_code == 404


def test_a_listing_of_one_page_has_no_page_links(client, home):
    make_article(home, "Only one")
    html = client.get("/en/").content.decode()
    assert _titles(html) == ["Only one"] and 'class="pagination"' not in html
