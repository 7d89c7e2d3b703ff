"""An article's rendered parts are kept between renders (cronica/news/fragments.py): the
kept render is the same HTML as a fresh one, and every change an article shows without a
new revision (pen names, tags, images, renditions) brings a fresh one."""

import io

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image
from taggit.models import Tag
from wagtail.rich_text import RichText

from cronica.news.images import CleanImage

from .factories import make_article, make_contributor


def make_image(title="Muelle", credit="Foto: Marea", colour=(10, 80, 120)):
    data = io.BytesIO()
    Image.new("RGB", (48, 24), colour).save(data, "PNG")
    image = CleanImage(title=title, credit=credit, file=ContentFile(data.getvalue(), "m.png"))
    image.save()
    return image


@pytest.fixture
def article(home):
    """A published article with everything its kept parts show: two pen names, tags,
    sources, a lead image and an image block."""
    image = make_image()
    page = make_article(
        home,
        title="Decomiso en el puerto",
        tags=("Ecuador", "Puertos"),
        contributors=[make_contributor("Marea"), make_contributor("Sombra")],
        summary="Lo que se sabe.",
    )
    page.lead_image = image
    page.body = [
        ("paragraph", RichText("<p>Primer <b>párrafo</b>.</p>")),
        ("heading", "Qué pasó"),
        ("image", {"image": image, "caption": "El muelle", "credit": ""}),
        ("quote", {"quote": "Nada cambió.", "attribution": "Un vecino"}),
    ]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def render(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_kept_render_is_byte_identical_to_a_fresh_one(client, article, settings, language):
    url = f"/{language}/{article.slug}/"
    settings.CRONICA_FRAGMENT_SECONDS = 0
    fresh, fresh_queries = render(client, url)
    settings.CRONICA_FRAGMENT_SECONDS = 3600
    stored, _ = render(client, url)
    kept, kept_queries = render(client, url)
    assert kept == stored == fresh
    assert "Foto: Marea" in kept and "El muelle" in kept and 'rel="tag">Puertos' in kept
    assert ("Fuentes" if language == "es" else "Sources") in kept
    # Kept, not rendered again: the parts' prefetch (bylines with contributors, tags,
    # sources), the lead and body images and the thread's comments unread.
    assert kept_queries <= fresh_queries - 6


def test_a_new_revision_renders_afresh(client, article):
    render(client, article.url)
    article.title = "Decomiso confirmado"
    article.body = [("paragraph", RichText("<p>Segunda versión.</p>"))]
    article.save_revision().publish()
    html, _ = render(client, article.url)
    assert "Decomiso confirmado" in html and "Segunda versión." in html
    assert "Primer" not in html


def test_a_pen_name_change_renders_afresh(client, article, django_capture_on_commit_callbacks):
    render(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        marea = article.contributors[0]
        marea.pen_name = "La Marea"
        marea.slug = "la-marea"
        marea.save()
    html, _ = render(client, article.url)
    assert ">La Marea</a>" in html and "/contributors/la-marea/" in html


def test_tag_changes_render_afresh(client, article, django_capture_on_commit_callbacks):
    render(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        tag = Tag.objects.get(name="Puertos")
        tag.name = "Puertos del Pacífico"
        tag.save()
    html, _ = render(client, article.url)
    assert 'rel="tag">Puertos del Pacífico</a>' in html
    assert 'content="Puertos del Pacífico"' in html  # the article:tag <meta> too
    article.tags.add("Aduanas")  # on the article itself: a new revision
    article.save_revision().publish()
    html, _ = render(client, article.url)
    assert 'rel="tag">Aduanas</a>' in html


def test_lead_image_changes_render_afresh(client, article, django_capture_on_commit_callbacks):
    render(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        image = article.lead_image
        image.credit = "Foto: Sombra"
        image.save()
    html, _ = render(client, article.url)
    assert "Foto: Sombra" in html and "Foto: Marea" not in html
    other = make_image(title="Aduana", credit="Foto: Aduana", colour=(200, 10, 10))
    article.lead_image = other  # another lead image: a new revision
    article.save_revision().publish()
    html, _ = render(client, article.url)
    assert "Foto: Aduana" in html and other.get_rendition("width-960").url in html


def test_removed_renditions_are_rendered_again(client, article, django_capture_on_commit_callbacks):
    render(client, article.url)
    image = article.lead_image
    assert image.renditions.exists()
    with django_capture_on_commit_callbacks(execute=True):
        image.renditions.all().delete()
    html, _ = render(client, article.url)
    # A kept body would still name the removed files and make no rendition.
    assert image.renditions.filter(filter_spec="width-960").exists()
    assert image.get_rendition("width-960").url in html


def test_an_article_is_routed_with_one_query_of_its_own(client, article):
    """The home page finds an article child with one query of ArticlePage (Wagtail's
    routing reads the generic page, then its specific row); other children and the
    home page's own routes are routed as before."""
    render(client, article.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.url).status_code == 200
    lookups = [
        q["sql"]
        for q in queries
        if "news_articlepage" in q["sql"] or f"'{article.slug}'" in q["sql"]
    ]
    assert len(lookups) == 1, lookups
    assert client.get(f"/en/{article.slug}/more/").status_code == 404
    assert client.get("/en/no-such-article/").status_code == 404
    assert client.get("/en/tags/puertos/").status_code == 200
