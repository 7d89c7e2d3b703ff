"""Hostile requests to what readers read: search, pagination, archive dates, long paths,
Host headers. Each gets a page or a clear 4xx, never a server error, and changes nothing."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home):
    """Two published articles (a listing, a search hit and an archive month to attack)."""
    from tests.news.factories import make_article

    make_article(
        home,
        title="Cartel trucks seized",
        body="Cartel convoy near Juárez.",
        published="2024-05-03T10:00:00",
    )
    make_article(
        home,
        title="Decomiso en el puerto",
        language="es",
        body="Cartel y puerto.",
        published="2024-05-20T10:00:00",
    )
    return home


QUERIES = [
    "x" * 100_000,
    ".*(a+)+$",
    "((((((((((a))))))))))*",
    "[",
    "\\",
    "%",
    "_%_",
    "*",
    "?",
    "' OR 1=1 --",
    "'; DROP TABLE wagtailcore_page; --",
    '" OR ""="',
    "1) UNION SELECT 1--",
    '"unbalanced',
    "NEAR(a b)",
    "AND OR NOT",
    "a AND",
    "-",
    "^a",
    "a:b",
    "{a}",
    "col:*",
    "ciudad\u0301 juárez",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🚚💊",
    "\u202emocleW",
    "漢字 検索",
    "\ufeff",
    "a\x00b",
]


@pytest.mark.parametrize("query", QUERIES)
def test_search_with_hostile_queries(client, site, query):
    """Any text is a query: a results page (empty here), never an error."""
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert b'name="robots" content="noindex' in response.content


@pytest.mark.parametrize("raw", ["%ED%A0%80", "%FF%FE", "%C0%AF", "%25%00"])
def test_search_with_invalid_utf8(client, site, raw):
    response = client.get(f"/en/search/?q={raw}")
    assert response.status_code == 200
    assert b'name="robots" content="noindex' in response.content


LISTINGS = ["/en/", "/en/search/?q=cartel", "/es/archive/2024/05/"]


def _page(client, listing, page):
    separator = "&" if "?" in listing else "?"
    return client.get(f"{listing}{separator}page={page}")


@pytest.mark.parametrize("page", ["999999", "-1", "0"])
@pytest.mark.parametrize("listing", LISTINGS)
def test_pagination_out_of_range(client, site, listing, page):
    """A whole number that names no page is not found."""
    assert _page(client, listing, page).status_code == 404


@pytest.mark.parametrize("page", ["abc", "1e9", "9" * 5000, "1.5", "%00", "1 OR 1=1"])
@pytest.mark.parametrize("listing", LISTINGS)
def test_pagination_with_a_non_number_is_not_found(client, site, listing, page):
    """Django's own answer (``InvalidPage`` is a 404): never silently another page."""
    assert client.get(listing).status_code == 200
    assert _page(client, listing, page).status_code == 404


@pytest.mark.parametrize("listing", LISTINGS)
def test_an_empty_page_parameter_is_the_first_page(client, site, listing):
    first = client.get(listing)
    response = _page(client, listing, "")
    assert first.status_code == response.status_code == 200
    assert response.content == first.content


@pytest.mark.parametrize(
    "path",
    [
        "/en/archive/0000/01/",
        "/en/archive/2024/13/",
        "/en/archive/2024/00/",
        "/en/archive/9999/12/",
        "/en/archive/1899/12/",
        "/en/archive/2024/5/",
        "/en/archive/20245/01/",
        "/en/archive/-202/01/",
        "/en/archive/२०२४/०५/",  # Unicode digits: no second URL for the same month
    ],
)
def test_malformed_archive_dates(client, site, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/en/" + "a" * 20_000 + "/",
        "/en/" + "a/" * 5_000,
        "/en/tags/" + "x" * 10_000 + "/",
        "/en/contributors/" + "%00" * 100 + "/",
        "/en/%2e%2e/%2e%2e/etc/passwd",
        "/media/../../../etc/passwd",
        "/media/%2e%2e/secret_key",
        "/en/tags/%ff%fe/",
    ],
)
def test_long_and_traversal_paths(client, site, path):
    """Paths under a language name no page (404); a media path that climbs out of the
    media folder is refused as a bad request (400)."""
    response = client.get(path)
    assert response.status_code == (400 if path.startswith("/media/") else 404)
    assert b"root:x:0" not in response.content


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "127.0.0.1@evil.example",
        "127.0.0.1:80@evil.example",
        "127.0.0.1\r\nX-Injected: 1",
        "[::1",
        "a" * 5000,
    ],
)
def test_host_header_attacks(host, site):
    client = Client(raise_request_exception=True)
    response = client.get("/en/", HTTP_HOST=host)
    assert response.status_code == 400
    assert b"evil.example" not in response.content


def test_forwarded_host_is_ignored_in_absolute_urls(client, site):
    response = client.get("/en/feed/rss/", HTTP_X_FORWARDED_HOST="evil.example")
    assert response.status_code == 200
    assert b"evil.example" not in response.content


def test_hostile_requests_change_nothing(client, site):
    from django.apps import apps
    from django.core import serializers

    def snapshot():
        return {
            model._meta.label: serializers.serialize("json", model._default_manager.all())
            for model in apps.get_models()
            if model._meta.app_label not in ("sessions", "django_tasks_db")
        }

    before = snapshot()
    for query in QUERIES[:12]:
        client.get("/en/search/", {"q": query})
    client.get("/en/?page=-1")
    client.get("/en/archive/2024/13/")
    assert snapshot() == before
