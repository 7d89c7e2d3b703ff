"""A reader's visit in the real Chromium: every page of the publishing core, the
language switch, a phone viewport, and no request ever leaving the site's origin."""

import re

import pytest
from playwright.sync_api import expect

from tests.news.factories import make_article, make_contributor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def newsroom(home):
    from django.core.files.base import ContentFile
    from wagtail.rich_text import RichText

    from cronica.news.demo.images import draw_picture
    from cronica.news.images import CleanImage

    image = CleanImage(
        title="Quay", description="Containers stacked on a quay", credit="Illustration: test"
    )
    image.file = ContentFile(draw_picture("port", "t"), name="quay.jpg")
    image.save()
    ghost = make_contributor("El Fantasma")
    first = make_article(
        home,
        "Containers of bananas",
        body="Cocaine hidden in bananas.",
        tags=("Ecuador", "Ports"),
        contributors=[ghost],
        published="2024-01-10T08:00:00",
    )
    first.body = [
        ("paragraph", RichText("<p>Cocaine hidden in bananas.</p>")),
        ("image", {"image": image, "caption": "The quay at night", "credit": ""}),
        ("video", {"url": "https://video.example.net/v/1", "title": "Footage", "description": ""}),
    ]
    first.save_revision().publish()
    second = make_article(
        home,
        "Fuga de Fito",
        slug="fuga-de-fito",
        language="es",
        body="El líder de Los Choneros escapó.",
        tags=("Ecuador",),
        contributors=[ghost],
        published="2024-01-08T12:00:00",
    )
    return first, second


def visit(page, path):
    response = page.goto(path)
    assert response.status == 200, path
    return response


def assert_only_own_origin(page):
    assert page.requests.urls, "the page made no request at all"
    assert page.requests.foreign() == []


def test_home_article_and_back(page, newsroom):
    visit(page, "/en/")
    expect(page.locator("h2.date-header").first).to_contain_text("January 10, 2024")
    page.get_by_role("link", name="Containers of bananas").click()
    expect(page.locator("h1")).to_have_text("Containers of bananas")
    expect(page.locator(".byline")).to_contain_text("El Fantasma")
    figure = page.locator("figure.image")
    expect(figure.locator("figcaption")).to_contain_text("The quay at night")
    expect(figure.locator("figcaption")).to_contain_text("Illustration: test")
    image = figure.locator("img")
    expect(image).to_have_attribute("alt", "Containers stacked on a quay")
    # The figure is lazy-loaded: wait for the picture to arrive (a broken one never does).
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    expect(page.locator(".video-link a")).to_have_attribute("href", "https://video.example.net/v/1")
    assert page.locator("iframe").count() == 0
    expect(page.locator(".sources")).to_contain_text("Reuters")
    assert_only_own_origin(page)


def test_contributor_tag_archive_pages(page, newsroom):
    visit(page, "/en/containers-of-bananas/")
    page.locator(".byline").get_by_role("link", name="El Fantasma").click()
    expect(page.locator("h1")).to_have_text("El Fantasma")
    expect(page.locator("article.teaser")).to_have_count(2)

    page.get_by_role("link", name="Ports").first.click()
    expect(page.locator("h1")).to_contain_text("Ports")
    expect(page.locator("article.teaser")).to_have_count(1)

    page.get_by_role("link", name="Archive").click()
    page.get_by_role("link", name="January 2024").click()
    expect(page.locator("article.teaser")).to_have_count(2)
    assert_only_own_origin(page)


def test_search_from_the_header(page, newsroom):
    visit(page, "/en/")
    page.locator("#site-search").fill("Choneros")
    page.locator(".search-form button").click()
    expect(page).to_have_url(re.compile(r"/en/search/\?q=Choneros"))
    expect(page.locator("article.teaser")).to_have_count(1)
    expect(page.locator("article.teaser h3")).to_have_text("Fuga de Fito")
    assert page.locator('meta[name="robots"]').get_attribute("content").startswith("noindex")
    assert_only_own_origin(page)


def test_feed_is_served_as_xml(page, newsroom):
    response = visit(page, "/en/feed/atom/")
    assert "xml" in response.headers["content-type"]
    body = response.text()
    assert "Containers of bananas" in body and "Fuga de Fito" in body


def test_language_switch_keeps_the_page(page, newsroom):
    visit(page, "/en/containers-of-bananas/")
    page.get_by_role("link", name="Español").click()
    expect(page).to_have_url(re.compile(r"/es/containers-of-bananas/$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("#sources-heading")).to_have_text("Fuentes")
    expect(page.locator(".site-footer")).to_contain_text("Los comentarios son moderados.")
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/containers-of-bananas/$"))
    expect(page.locator("#sources-heading")).to_have_text("Sources")
    assert page.context.cookies() == []


def test_everything_reads_without_javascript(page_nojs, newsroom):
    for path in (
        "/en/",
        "/es/fuga-de-fito/",
        "/en/tags/ecuador/",
        "/en/archive/",
        "/en/search/?q=bananas",
        "/en/contributors/el-fantasma/",
    ):
        visit(page_nojs, path)
        expect(page_nojs.locator("main")).not_to_be_empty()
    page_nojs.locator("#site-search").fill("bananas")
    page_nojs.locator(".search-form button").click()
    expect(page_nojs.locator("article.teaser h3")).to_have_text("Containers of bananas")
    assert page_nojs.context.cookies() == []
    assert_only_own_origin(page_nojs)


def test_phone_viewport_has_no_horizontal_scroll(phone_page, newsroom):
    for path in ("/en/", "/en/containers-of-bananas/", "/es/archive/"):
        visit(phone_page, path)
        overflow = phone_page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
        font = phone_page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('main p, main li')).fontSize)"
        )
        assert font >= 15
    assert_only_own_origin(phone_page)


def test_keyboard_reaches_skip_link_and_main(page, newsroom):
    visit(page, "/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to content"
    assert page.locator("header[role=banner]").count() == 1
    assert page.locator("main#main").count() == 1
    assert page.locator("footer[role=contentinfo]").count() == 1
