"""An uncached article render (kept fragments off: what every page-cache miss costs when
nothing is kept) reads a fixed list of queries, whatever the number of comments,
bylines, tags and sources (bench/README.md, "Uncached article render")."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cronica.comments.models import Comment

from .factories import make_article, make_contributor
from .test_fragments import make_image

pytestmark = pytest.mark.django_db

# One query each: the home page (the site's root, read by the kept site lookup), the
# article (HomePage.route), bylines with their contributors, tags, sources (one
# prefetch, news/fragments.py), the lead image, the knowledge base's mentions (its body
# filter), the published comments. No site, view-restriction or comment-settings query:
# those are kept per process (core/site_lookup.py, core/view_restrictions.py,
# comments/kept_settings.py).
QUERIES = 8


@pytest.fixture(autouse=True)
def uncached(settings):
    settings.CRONICA_FRAGMENT_SECONDS = 0


def queries(client, url):
    client.get(url)  # the first request of a process keeps the site and the settings
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in captured]


def published(article, body, parent=None):
    return Comment.objects.create(
        article=article, body=body, parent=parent, status=Comment.Status.PUBLISHED
    )


def test_an_uncached_render_reads_the_same_queries_however_much_it_shows(client, home):
    small = make_article(home, title="Small")
    small.lead_image = make_image()
    small.save_revision().publish()
    published(small, "Only one")
    big = make_article(
        home,
        title="Big",
        tags=("Ecuador", "Puertos", "Aduanas", "Marina"),
        contributors=[make_contributor(name) for name in ("Marea", "Sombra", "Bruma")],
        sources=[(f"Outlet {n}", f"https://outlet{n}.example/") for n in range(5)],
    )
    big.lead_image = make_image(title="Otra")
    big.save_revision().publish()
    for n in range(10):
        top = published(big, f"Thread {n}")
        for m in range(3):
            top = published(big, f"Reply {n}.{m}", parent=top)
    html, few = queries(client, small.url)
    assert "Only one" in html and "Foto: Marea" in html
    html, many = queries(client, big.url)
    assert "Reply 9.2" in html and ">Bruma</a>" in html and "Outlet 4" in html
    assert len(few) == len(many) == QUERIES, many


def test_a_reply_to_a_hidden_comment_costs_one_query_more(client, home):
    """Only a thread with a published reply to an unpublished comment reads every
    comment's parent, to hang the reply from its nearest published ancestor."""
    plain = make_article(home, title="Plain")
    published(plain, "A reply", parent=published(plain, "A comment"))
    odd = make_article(home, title="Odd")
    held = Comment.objects.create(article=odd, body="Held for review")
    published(odd, "Shown at the top level", parent=held)
    _, usual = queries(client, plain.url)
    html, more = queries(client, odd.url)
    assert "Shown at the top level" in html and "Held for review" not in html
    assert len(more) == len(usual) + 1 == QUERIES  # neither has a lead image
