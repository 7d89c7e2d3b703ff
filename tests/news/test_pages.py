"""What readers get from each public page, through the real URL routing and templates."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.contrib.auth.models import User

from .factories import make_article, make_contributor

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(home):
    reporter = User.objects.create_user(
        "realname", first_name="Juana", last_name="Realname", email="juana.realname@example.org"
    )
    ghost = make_contributor("El Fantasma", account=reporter)
    marea = make_contributor("Marea")
    first = make_article(
        home,
        "Containers of bananas",
        body="Cocaine hidden in bananas.",
        tags=("Ecuador", "Ports"),
        contributors=[ghost, marea],
        published="2024-01-10T08:00:00",
        summary="A record haul.",
    )
    second = make_article(
        home,
        "Fuga de Fito",
        slug="fuga-de-fito",
        language="es",
        body="El líder de Los Choneros escapó de la cárcel.",
        tags=("Ecuador",),
        contributors=[ghost],
        published="2024-01-08T20:00:00",
    )
    draft = make_article(home, "Unpublished draft", live=False)
    return first, second, draft


def test_home_lists_latest_under_date_headers(client, articles):
    html = client.get("/en/").content.decode()
    assert html.index("Containers of bananas") < html.index("Fuga de Fito")
    assert "Wednesday, January 10, 2024" in html
    assert "Monday, January 8, 2024" in html
    assert "Unpublished draft" not in html


def test_spanish_ui_translates_interface_not_articles(client, articles):
    html = client.get("/es/").content.decode()
    assert "miércoles 10 de enero de 2024" in html
    assert "Los comentarios son moderados." in html
    assert "Containers of bananas" in html  # articles are listed in both UIs
    assert '<html lang="es">' in html


def test_article_shows_pen_names_never_the_real_identity(client, articles):
    first, *_ = articles
    html = client.get(f"/en/{first.slug}/").content.decode()
    assert "El Fantasma" in html and "Marea" in html
    for leak in ("Juana", "Realname", "realname", "example.org"):
        assert leak not in html
    assert 'href="/en/contributors/el-fantasma/"' in html
    assert "Cocaine hidden in bananas." in html
    assert (
        '<a href="https://www.reuters.com/" rel="noopener noreferrer nofollow">Reuters</a>' in html
    )
    assert 'href="/en/tags/ports/"' in html


def test_article_metadata_canonical_and_opengraph(client, articles):
    first, second, _ = articles
    html = client.get(f"/es/{second.slug}/").content.decode()
    base = settings.SITE_URL
    assert f'<link rel="canonical" href="{base}/es/{second.slug}/">' in html
    html = client.get(f"/es/{first.slug}/").content.decode()
    # An English article viewed with the Spanish interface points to its English URL.
    assert f'<link rel="canonical" href="{base}/en/{first.slug}/">' in html
    assert '<meta property="og:title" content="Containers of bananas">' in html
    assert '<meta property="og:description" content="A record haul.">' in html
    assert '<meta property="og:type" content="article">' in html


def test_contributor_tag_and_archive_pages(client, articles):
    html = client.get("/en/contributors/el-fantasma/").content.decode()
    assert "Containers of bananas" in html and "Fuga de Fito" in html
    html = client.get("/en/contributors/marea/").content.decode()
    assert "Containers of bananas" in html and "Fuga de Fito" not in html
    assert client.get("/en/contributors/nobody/").status_code == 404

    html = client.get("/en/tags/ports/").content.decode()
    assert "Containers of bananas" in html and "Fuga de Fito" not in html
    assert client.get("/en/tags/no-such-tag/").status_code == 404

    html = client.get("/en/archive/").content.decode()
    assert 'href="/en/archive/2024/01/"' in html and "(2)" in html
    html = client.get("/en/archive/2024/01/").content.decode()
    assert "Containers of bananas" in html and "Fuga de Fito" in html
    assert "No articles here yet." in client.get("/en/archive/2023/01/").content.decode()
    assert client.get("/en/archive/2024/13/").status_code == 404


def test_search_finds_published_articles_and_is_noindex(client, articles):
    html = client.get("/en/search/?q=bananas").content.decode()
    assert "Containers of bananas" in html
    assert "Fuga de Fito" not in html
    assert '<meta name="robots" content="noindex, follow">' in html
    html = client.get("/en/search/?q=draft").content.decode()
    assert "Unpublished draft" not in html


@pytest.mark.parametrize("page", ["x", "0", "99"])
def test_listing_pages_that_do_not_exist_are_not_found(client, articles, page):
    assert client.get("/en/search/?q=bananas&page=1").status_code == 200
    assert client.get(f"/en/search/?q=bananas&page={page}").status_code == 404
    assert client.get(f"/en/?page={page}").status_code == 404


@pytest.mark.parametrize(
    "path,kind",
    [
        ("/en/feed/rss/", "rss"),
        ("/en/feed/atom/", "atom"),
        ("/en/tags/ports/feed/rss/", "rss"),
        ("/es/tags/ports/feed/atom/", "atom"),
    ],
)
def test_feeds_are_valid_xml_with_articles(client, articles, path, kind):
    response = client.get(path)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    text = response.content.decode()
    assert "Containers of bananas" in text
    if "tags/ports" in path:
        assert "Fuga de Fito" not in text
    else:
        assert "Fuga de Fito" in text
    assert "Unpublished draft" not in text
    assert "El Fantasma" in text and "Realname" not in text
    assert root.tag == ("rss" if kind == "rss" else "{http://www.w3.org/2005/Atom}feed")


def test_sitemap_lists_published_pages(client, articles):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    text = response.content.decode()
    assert "fuga-de-fito" in text and "containers-of-bananas" in text
    assert "unpublished-draft" not in text
    # Each article is listed at its canonical address, under its own language.
    assert f"{settings.SITE_URL}/es/fuga-de-fito/" in text
    assert f"{settings.SITE_URL}/en/containers-of-bananas/" in text
    assert not response.cookies


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/es/",
        "/en/containers-of-bananas/",
        "/en/tags/ecuador/",
        "/en/archive/",
        "/en/search/?q=fito",
        "/en/feed/rss/",
        "/en/contributors/marea/",
    ],
)
def test_reading_sets_no_cookie_and_is_cacheable(client, articles, path):
    response = client.get(path)
    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    assert response["Cache-Control"].startswith("public")
    assert "Cookie" not in response.get("Vary", "")
    assert "Accept-Language" not in response.get("Vary", "")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert response["Referrer-Policy"] == "no-referrer"


def test_video_blocks_are_links_not_iframes(client, home):
    from wagtail.rich_text import RichText

    page = make_article(home, "Video post")
    page.body = [
        ("paragraph", RichText("<p>Watch.</p>")),
        (
            "video",
            {"url": "https://www.youtube.com/watch?v=abc", "title": "Footage", "description": ""},
        ),
    ]
    page.save_revision().publish()
    html = client.get("/en/video-post/").content.decode()
    assert "<iframe" not in html
    assert 'href="https://www.youtube.com/watch?v=abc"' in html
    assert "youtube.com" in html


def test_browsers_revalidate_with_etags(client, articles):
    response = client.get("/en/")
    assert "max-age=0" in response["Cache-Control"] and "s-maxage=" in response["Cache-Control"]
    again = client.get("/en/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_a_tag_with_accents_links_to_its_page_and_feeds(client, home):
    article = make_article(home, "Puerto de Róterdam", slug="roterdam", tags=("Países Bajos",))
    html = client.get(article.url).content.decode()
    assert 'href="/en/tags/pa%C3%ADses-bajos/"' in html  # percent-encoded, as Django reverses
    for path in ("/en/tags/países-bajos/", "/es/tags/países-bajos/feed/rss/"):
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("path", ["/en/feed/rss/", "/es/tags/ecuador/feed/atom/"])
def test_feeds_name_the_public_address_whatever_host_was_asked(client, articles, settings, path):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "interno.example.net"]
    response = client.get(path, HTTP_HOST="interno.example.net")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = [el.text for el in root.iter() if el.tag.split("}")[-1] in ("link", "guid", "id")]
    urls += [el.get("href") for el in root.iter() if el.get("href")]
    urls = [u for u in urls if u]
    assert len(urls) >= 5, urls
    assert "interno.example.net" not in response.content.decode()
    assert all(u.startswith(settings.SITE_URL + "/") for u in urls), urls
    assert f"{settings.SITE_URL}{path}" in urls
