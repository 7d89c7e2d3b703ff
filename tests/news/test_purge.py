"""Publishing purges the article and every listing that shows it, in both UI languages,
from the cache in front (a real HTTP endpoint on loopback records the PURGE requests),
once the change is committed (the tests' transaction never commits, so its commit hooks
are run explicitly)."""

import pytest

from .factories import make_article

pytestmark = pytest.mark.django_db


def test_publishing_purges_article_and_listings_in_both_languages(
    home, purge_endpoint, django_capture_on_commit_callbacks
):
    page = make_article(home, "Purge me", tags=("Sinaloa",), live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    host = "127.0.0.1:8000"
    for language in ("en", "es"):
        for path in (
            "/purge-me/",
            "/",
            "/feed/rss/",
            "/feed/atom/",
            "/tags/sinaloa/",
            "/tags/sinaloa/feed/rss/",
            "/contributors/sombra/",
            "/archive/",
        ):
            assert f"{host}/{language}{path}" in purge_endpoint, (language, path)
    assert f"{host}/sitemap.xml" in purge_endpoint


def test_unpublishing_purges_too(home, purge_endpoint, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_article(home, "Retracted")
    purge_endpoint.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert "127.0.0.1:8000/en/retracted/" in purge_endpoint
    assert "127.0.0.1:8000/es/" in purge_endpoint


def test_the_front_cache_is_purged_under_every_host_the_site_answers_to(
    home, purge_endpoint, settings, django_capture_on_commit_callbacks
):
    """The front cache keys pages by host, as the embedded one does: a reader who came by
    an alias has a copy of their own, so each page is purged under each name."""
    settings.ALLOWED_HOSTS = ["127.0.0.1", "www.cronica.test", ".wildcard.test"]
    page = make_article(home, "Every host", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    for host in ("127.0.0.1:8000", "www.cronica.test:8000"):
        assert f"{host}/en/every-host/" in purge_endpoint
        assert f"{host}/es/" in purge_endpoint
    # A wildcard names no host to purge (the page caches store nothing for it).
    assert not [url for url in purge_endpoint if "wildcard" in url]
