"""What editors get in the admin for real markup: tags in any script, tables and code
blocks, and slugs that a route already claims refused before they make a page unreachable."""

import json
import re
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cronica.news.models import ArticlePage
from cronica.news.reserved import reserved_slugs

from .factories import make_article, make_contributor

pytestmark = pytest.mark.django_db

TAGS = ["narcotráfico", "Cártel de Sinaloa", "Traficanți", "Ναρκωτικά"]
TABLE = {
    "data": [["Estado", "Kilos"], ["Sinaloa", "1,240"], ["Sonora", "310"]],
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "table_caption": "Decomisos de mayo",
    "table_header_choice": "row",
}


def form(contributor, slug="decomisos-mayo"):
    return nested_form_data(
        {
            "title": "Decomisos de mayo",
            "slug": slug,
            "language": "es",
            "summary": "",
            "bylines": inline_formset([{"contributor": contributor.pk}]),
            "sources": inline_formset([]),
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Cifras del mes.</p>")),
                    ("table", json.dumps(TABLE)),
                    ("code", {"language": "bash", "code": "grep -c halcón informe.txt"}),
                ]
            ),
            "tags": ", ".join(f'"{t}"' for t in TAGS),
            "action-publish": "action-publish",
        }
    )


def test_editor_publishes_unicode_tags_a_table_and_code(editor_client, home, client):
    response = editor_client.post(
        f"/admin/pages/add/news/articlepage/{home.pk}/", form(make_contributor("Ceniza"))
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ArticlePage.objects.get(slug="decomisos-mayo")
    assert page.live and sorted(t.name for t in page.tags.all()) == sorted(TAGS)

    html = client.get("/es/decomisos-mayo/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    table = soup.select_one(".body .table-scroll table")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Estado", "Kilos"]
    assert [td.get_text(strip=True) for td in table.select("tbody td")] == TABLE["data"][1][:1] + [
        "1,240",
        "Sonora",
        "310",
    ]
    assert soup.select_one(".body pre.code code").get_text() == "grep -c halcón informe.txt"
    links = [a["href"] for a in soup.select("p.tags a")]
    assert len(links) == len(TAGS)
    for href in links:
        tag_page = client.get(href)
        assert tag_page.status_code == 200, href
        assert "Decomisos de mayo" in tag_page.content.decode()
        assert client.get(href + "feed/rss/").status_code == 200
        assert client.get(href + "feed/atom/").status_code == 200
    assert "decomisos-mayo" in client.get("/sitemap.xml").content.decode()


def test_tag_routes_reverse_and_resolve_non_ascii_slugs(home, client):
    make_article(home, title="Ruta", tags=("narcotráfico",))
    route = home.reverse_subpage("tag", args=("narcotráfico",))
    assert route == f"tags/{quote('narcotráfico')}/"
    assert client.get(f"/en/{route}").status_code == 200
    assert client.get("/en/tags/narcotráfico-no/").status_code == 404


def test_reserved_slugs_come_from_the_routes():
    assert {"archive", "search", "kb", "tips", "tags", "comments", "feed"} <= reserved_slugs()


@pytest.mark.parametrize("slug", ["archive", "search", "kb", "tips"])
def test_an_article_cannot_take_a_slug_a_route_claims(editor_client, home, slug):
    response = editor_client.post(
        f"/admin/pages/add/news/articlepage/{home.pk}/", form(make_contributor(), slug=slug)
    )
    assert response.status_code == 200  # the form again, with the error
    assert "address of one of the site&#x27;s own pages" in response.content.decode()
    assert not ArticlePage.objects.filter(slug=slug).exists()
    with pytest.raises(ValidationError):
        make_article(home, title="Reserved", slug=slug)


def test_imported_inline_markup_survives_an_editors_save():
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    from cronica.news.blocks import PARAGRAPH_FEATURES

    converter = ContentstateConverter(features=PARAGRAPH_FEATURES)
    html = "<p><s>old</s> <kbd>Ctrl</kbd> <code>x</code> H<sub>2</sub>O m<sup>2</sup></p>"
    saved = converter.to_database_format(converter.from_database_format(html))
    assert re.sub(r' data-block-key="\w+"', "", saved) == html


def test_table_cells_render_their_links_and_nothing_else_as_markup(home, client):
    page = make_article(home, title="Causas", slug="causas")
    page.body = [
        (
            "table",
            dict(
                TABLE,
                data=[
                    ["Causa", "Fuente"],
                    ["[Causa 12](https://example.org/c?a=1&b=2)", "[FGR](mailto:p@example.org)"],
                    ["<script>alert(1)</script> [mal](javascript:alert(1))", 'a "<b>" & c'],
                ],
            ),
        )
    ]
    page.save_revision().publish()
    soup = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    table = soup.select_one(".body .table-scroll table")
    assert [(a.get_text(), a["href"]) for a in table.select("a")] == [
        ("Causa 12", "https://example.org/c?a=1&b=2"),
        ("FGR", "mailto:p@example.org"),
    ]
    assert table.select("script, b") == []
    cells = [td.get_text().strip() for td in table.select("tbody td")]
    assert cells[2:] == ["<script>alert(1)</script> [mal](javascript:alert(1))", 'a "<b>" & c']
    assert page.body[0].block.get_searchable_content(page.body[0].value)[2] == "Causa 12"
