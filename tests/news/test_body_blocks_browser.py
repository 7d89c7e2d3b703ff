"""Tables and code blocks on a 360 px phone, in the real Chromium: they scroll inside their
own box and never widen the page. Screenshots go to ``CRONICA_SCREENSHOTS`` (default: the
test's temporary directory) for people to look at."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from cronica.news.models import ArticlePage

from .factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = ["Fecha", "Estado", "Municipio", "Cocaína (kg)", "Metanfetamina (kg)", "Fentanilo (kg)"]
ROWS = [
    ["2024-05-02", "Sinaloa", "Culiacán", "1,240", "310", "12.5"],
    ["2024-05-09", "Sonora", "San Luis Río Colorado", "0", "1,050", "48.0"],
    ["2024-05-17", "Baja California", "Tijuana", "2,900", "0", "3.2"],
]
CODE = "$ grep -c 'halcón' informe-decomisos-2024-mayo-sinaloa-sonora-baja-california.txt\n17"


def screenshot_dir(tmp_path):
    directory = Path(os.environ.get("CRONICA_SCREENSHOTS", tmp_path))
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def test_table_and_code_scroll_inside_their_box_on_a_phone(home, phone_page, tmp_path):
    article = make_article(home, title="Decomisos de mayo", language="es")
    article.body = [
        ("paragraph", RichText("<p>Las cifras del mes, por estado.</p>")),
        (
            "table",
            {
                "data": [HEADER] + ROWS,
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Decomisos de mayo de 2024",
                "table_header_choice": "row",
            },
        ),
        ("code", {"language": "bash", "code": CODE}),
    ]
    article.save_revision().publish()
    page = ArticlePage.objects.get(pk=article.pk)

    phone_page.goto(page.url)
    table = phone_page.get_by_role("table", name="Decomisos de mayo de 2024")
    expect(table).to_be_visible()
    expect(table.get_by_role("columnheader", name="Fentanilo (kg)")).to_have_count(1)
    box = phone_page.get_by_role("region", name="Decomisos de mayo de 2024")
    code = phone_page.locator("pre.code")
    expect(code).to_contain_text("grep -c 'halcón'")

    # The page itself never scrolls sideways; each wide block scrolls in its own box.
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    for element in (box, code):
        assert element.evaluate("e => e.scrollWidth > e.clientWidth")
        assert element.evaluate("e => getComputedStyle(e).overflowX") == "auto"
        assert element.get_attribute("tabindex") == "0"  # reachable by keyboard to scroll

    directory = screenshot_dir(tmp_path)
    box.screenshot(path=str(directory / "table-360px.png"))
    code.screenshot(path=str(directory / "code-360px.png"))
    phone_page.screenshot(path=str(directory / "article-table-code-360px.png"), full_page=True)
    assert (directory / "table-360px.png").stat().st_size > 0
