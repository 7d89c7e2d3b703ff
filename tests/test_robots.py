"""robots.txt names the admin, the tip line and the comment forms of every language by the
addresses the site really serves them at (cronica/core/urlprefix.py)."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_robots_disallows_the_served_prefixes(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    disallowed = [line.removeprefix("Disallow: ") for line in lines if "Disallow" in line]
    expected = ["/admin/"]
    for name in ("tips:index", "comments:status"):
        for code, _ in settings.LANGUAGES:
            with translation.override(code):
                url = reverse(name, kwargs={"pk": 1} if name == "comments:status" else {})
            expected.append([p for p in disallowed if url.startswith(p) and p != "/"][0])
    assert sorted(disallowed) == sorted(expected)
    assert "/es/comments/" in disallowed and "/en/tips/" in disallowed
    assert lines[-1] == f"Sitemap: {settings.SITE_URL}/sitemap.xml"


def test_robots_names_the_sitemap_at_the_public_address(client, settings):
    settings.SITE_URL = "https://cronica.example"
    response = client.get("/robots.txt", HTTP_HOST="localhost")
    assert response.content.decode().splitlines()[-1] == (
        "Sitemap: https://cronica.example/sitemap.xml"
    )
