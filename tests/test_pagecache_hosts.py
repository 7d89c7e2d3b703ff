"""The page cache keeps each host's pages apart (cronica/core/pagecache.py), in process: the
wrapper in front of the site's own Django application, with two Wagtail sites whose home
pages differ on the same path, and a second name for the default site.

A page stored for one host is never sent for another; the host is matched as Django and
Wagtail read it (case does not matter, the scheme's own port may be named or not), a page
stored for one port is not sent to a request naming another (Django answers it), a host only a wildcard of
``ALLOWED_HOSTS`` allows is never stored (no purge could name it), and a purge drops the
path for every name the site answers to, so the second name never keeps an old page.
"""

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test import override_settings
from wagtail.models import Page, Site

from cronica.core import pagecache
from cronica.core.pagecache import PageCache
from cronica.news import purge
from cronica.news.models import HomePage

from .test_pagecache_answers import call, empty_store, environ  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

HOSTS = ["127.0.0.1", "www.cronica.example", "otra.example", ".wild.example"]


@pytest.fixture
def two_sites(home):
    other = Page.get_first_root_node().add_child(
        instance=HomePage(title="QA-OTRA-HOME-5e2b", slug="otra", tagline="QA-OTRA-TAGLINE")
    )
    Site.objects.create(hostname="otra.example", port=80, root_page=other, site_name="Otra")
    return home, other


def get(application, host, path="/en/"):
    status, headers, body = call(application, environ(path=path, host=host))
    assert status.startswith("200"), (host, status)
    return headers.get("X-Cronica-Cache", "django"), body


@override_settings(ALLOWED_HOSTS=HOSTS)
def test_two_sites_with_different_content_on_one_path_are_stored_apart(two_sites):
    site = PageCache(WSGIHandler())
    assert get(site, "127.0.0.1")[0] == "miss"
    first, default_page = get(site, "127.0.0.1")
    assert first == "hit" and b"QA-OTRA-HOME-5e2b" not in default_page

    source, other_page = get(site, "otra.example")
    assert source == "miss" and b"QA-OTRA-HOME-5e2b" in other_page
    for host in ("otra.example", "OTRA.Example", "otra.example:80"):
        assert get(site, host) == ("hit", other_page), host
    assert get(site, "127.0.0.1") == ("hit", default_page)

    # Another name of the default site gets a copy of its own; a request naming another
    # port than the stored page's is Django's to answer, every time.
    assert get(site, "www.cronica.example")[0] == "miss"
    assert get(site, "www.cronica.example") == ("hit", default_page)
    for _attempt in range(2):
        assert get(site, "127.0.0.1:8081")[0] == "django"
    # A host only a wildcard allows is never stored: no purge could name it.
    for _attempt in range(2):
        assert get(site, "news.wild.example")[0] == "django"


@override_settings(ALLOWED_HOSTS=HOSTS)
def test_a_purge_drops_the_path_for_every_name_of_the_site(two_sites):
    home, other = two_sites
    site = PageCache(WSGIHandler())
    for host in ("127.0.0.1", "www.cronica.example", "otra.example"):
        get(site, host)
        assert get(site, host)[0] == "hit", host

    # The purge names the default site by its own address only (Site.root_url).
    urls = purge.page_urls(home)
    assert urls and all("www.cronica.example" not in url for url in urls)
    pagecache.forget(urls)
    for host in ("127.0.0.1", "www.cronica.example", "otra.example"):
        assert get(site, host)[0] == "miss", host

    # The other site's purge, by its own URLs, likewise.
    assert get(site, "otra.example")[0] == "hit"
    pagecache.forget(purge.page_urls(other))
    assert get(site, "otra.example")[0] == "miss"
