"""``CRONICA_SITE_URL`` takes effect when the site restarts, without a ``migrate``: the
sitemap of a real `cronica serve` name the new address, and checking it costs no
query per request."""

import http.client

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.durability.served_site import ServedSite


def _get(site, path):
    conn = http.client.HTTPConnection("127.0.0.1", site.port, timeout=20)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read().decode()
    finally:
        conn.close()


def test_a_restarted_site_follows_a_new_address_without_migrating(tmp_path):
    # The template site was migrated with the default address, http://127.0.0.1:8000.
    site = ServedSite(tmp_path, extra_env={"CRONICA_SITE_URL": "https://news.example.org"})
    try:
        site.start()
        status, sitemap = _get(site, "/sitemap.xml")
        assert status == 200
        assert "<loc>https://news.example.org/en/" in sitemap
        assert "127.0.0.1" not in sitemap
        site.stop()
        site.env["CRONICA_SITE_URL"] = "http://otra.example.net:8081"
        site.start()
        status, sitemap = _get(site, "/sitemap.xml")
        assert status == 200 and "<loc>http://otra.example.net:8081/en/" in sitemap
    finally:
        site.close()


@pytest.mark.django_db
def test_the_address_is_checked_once_per_process_not_per_request(client, home, settings):
    from wagtail.models import Site

    client.get("/en/")
    with CaptureQueriesContext(connection) as before:
        client.get("/en/")
    settings.SITE_URL = "https://news.example.org"
    client.get("/en/")  # the first request after the change points the site at it
    assert (Site.objects.get(is_default_site=True).hostname, Site.objects.get().port) == (
        "news.example.org",
        443,
    )
    assert "<loc>https://news.example.org/en/" in client.get("/sitemap.xml").content.decode()
    with CaptureQueriesContext(connection) as after:
        client.get("/en/")
    assert len(after) == len(before)
