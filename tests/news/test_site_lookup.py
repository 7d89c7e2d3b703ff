"""Page requests find their Wagtail site from a per-process copy (cronica/core/site_lookup.py):
one query fewer and no site row read, and a saved or deleted site takes effect at once."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from .factories import make_article

MIDDLEWARE = "cronica.core.site_lookup.SiteLookupMiddleware"


@pytest.fixture
def hosts(settings):
    settings.ALLOWED_HOSTS = ["testserver", "b.example", "c.example"]


def get(client, url, host="testserver", status=200):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_HOST=host)
    assert response.status_code == status
    return response, [query["sql"] for query in queries]


def test_a_warm_page_request_reads_no_site_and_runs_one_query_fewer(client, home, settings):
    article = make_article(home)
    get(client, article.url)
    kept, kept_queries = get(client, article.url)
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != MIDDLEWARE]
    client = Client()  # a client builds its middleware chain once
    get(client, article.url)
    wagtail, wagtail_queries = get(client, article.url)
    assert kept.content == wagtail.content
    assert not [sql for sql in kept_queries if "wagtailcore_site" in sql]
    assert [sql for sql in wagtail_queries if "wagtailcore_site" in sql]
    assert len(kept_queries) == len(wagtail_queries) - 1


def test_each_request_gets_its_own_site_and_root_page(client, home):
    article = make_article(home)
    get(client, article.url)  # the lookup, kept
    first, _ = get(client, article.url)
    second, _ = get(client, article.url)
    one, other = first.wsgi_request._wagtail_site, second.wsgi_request._wagtail_site
    assert one.pk == other.pk == Site.objects.get(is_default_site=True).pk
    assert one is not other
    assert one.root_page is not other.root_page
    assert one.root_page.specific is one.root_page  # read as its specific page


def test_a_host_change_and_a_new_root_page_take_effect_at_once(client, home, hosts):
    article = make_article(home)
    default = Site.objects.get(is_default_site=True)
    other = Site.objects.create(hostname="b.example", port=80, root_page=home)
    for _ in range(2):
        response, _ = get(client, article.url, host="b.example")
        assert response.wsgi_request._wagtail_site.pk == other.pk

    other.root_page = article
    other.save()
    # The home page's routes are gone from b.example: its root is the article now.
    response, _ = get(client, article.url, host="b.example", status=404)
    assert response.wsgi_request._wagtail_site.root_page.pk == article.pk

    other.hostname = "c.example"
    other.save()
    response, _ = get(client, article.url, host="b.example")
    assert response.wsgi_request._wagtail_site.pk == default.pk
    response, _ = get(client, article.url, host="c.example", status=404)
    assert response.wsgi_request._wagtail_site.pk == other.pk


def test_a_deleted_site_is_not_served(client, home, hosts):
    article = make_article(home)
    default = Site.objects.get(is_default_site=True)
    other = Site.objects.create(hostname="b.example", port=80, root_page=home)
    response, _ = get(client, article.url, host="b.example")
    assert response.wsgi_request._wagtail_site.pk == other.pk
    other.delete()
    response, _ = get(client, article.url, host="b.example")
    assert response.wsgi_request._wagtail_site.pk == default.pk
