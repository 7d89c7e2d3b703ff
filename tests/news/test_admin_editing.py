"""Editors work in Wagtail's admin: the article form, preview, drafts and revisions."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cronica.news.models import ArticlePage

from .factories import make_contributor

pytestmark = pytest.mark.django_db


def article_form(contributor, title="Draft from the admin", action=None):
    data = nested_form_data(
        {
            "title": title,
            "slug": "draft-from-the-admin",
            "language": "es",
            "summary": "Resumen",
            "bylines": inline_formset([{"contributor": contributor.pk}]),
            "sources": inline_formset(
                [{"outlet": "El Universo", "url": "https://www.eluniverso.com/"}]
            ),
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Texto del cuerpo.</p>")),
                    ("heading", "Subtítulo"),
                ]
            ),
            "tags": "Ecuador, Guayaquil",
        }
    )
    if action:
        data[action] = action
    return data


def test_editor_saves_a_draft_previews_it_then_publishes(editor_client, home):
    person = make_contributor("Ceniza")
    add_url = f"/admin/pages/add/news/articlepage/{home.pk}/"
    assert editor_client.get(add_url).status_code == 200

    response = editor_client.post(add_url, article_form(person))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ArticlePage.objects.get(slug="draft-from-the-admin")
    assert not page.live
    assert editor_client.get("/es/draft-from-the-admin/").status_code == 404

    preview = editor_client.post(
        f"/admin/pages/{page.pk}/edit/preview/", article_form(person, title="Previewed title")
    )
    assert preview.json()["is_valid"]
    html = editor_client.get(f"/admin/pages/{page.pk}/edit/preview/").content.decode()
    assert "Previewed title" in html and "Texto del cuerpo." in html

    response = editor_client.post(
        f"/admin/pages/{page.pk}/edit/", article_form(person, action="action-publish")
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.revisions.count() == 2
    html = editor_client.get("/es/draft-from-the-admin/").content.decode()
    assert "Texto del cuerpo." in html and "Ceniza" in html and "El Universo" in html
