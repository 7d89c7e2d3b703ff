"""Public pages skip Wagtail's view-restriction queries (cronica/core/view_restrictions.py),
and a restriction, or a move under a private page, takes effect on the next request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cronica.news.models import StandardPage

from .factories import make_article


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [query["sql"] for query in queries]


def test_a_public_page_runs_no_restriction_query(client, home):
    article = make_article(home)
    get(client, article.url)
    response, queries = get(client, article.url)
    assert response.status_code == 200
    assert not [sql for sql in queries if "pageviewrestriction" in sql]
    ancestors = 'SELECT "wagtailcore_page"."id", "wagtailcore_page"."alias_of_id" FROM'
    assert not [sql for sql in queries if sql.startswith(ancestors)]


def test_a_new_restriction_makes_a_page_private_at_once(client, home):
    article = make_article(home)
    for _ in range(2):
        assert get(client, article.url)[0].status_code == 200
    restriction = PageViewRestriction.objects.create(page=home, restriction_type="login")
    response, _ = get(client, article.url)
    assert response.status_code == 302 and "login" in response["Location"]
    restriction.delete()
    assert get(client, article.url)[0].status_code == 200


def test_a_password_on_the_page_itself_is_asked_at_once(client, home):
    article = make_article(home)
    get(client, article.url)
    PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")
    response, _ = get(client, article.url)
    assert response.status_code == 200
    assert "password" in response.content.decode().lower()
    assert response["Cache-Control"] and "no-cache" in response["Cache-Control"]


def test_a_private_page_moved_elsewhere_stays_private_at_once(client, home):
    """Its tree path changes with the move: the kept path must not leave it public."""
    private = home.add_child(instance=StandardPage(title="Interna", slug="interna"))
    other = home.add_child(instance=StandardPage(title="Otra", slug="otra"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for _ in range(2):
        assert get(client, private.url)[0].status_code == 302
    private.move(other, pos="last-child")
    private.refresh_from_db()
    response, _ = get(client, private.url)
    assert response.status_code == 302 and "login" in response["Location"]
