"""Hostile files uploaded as images by an editor in Wagtail's admin: decompression bombs,
SVG with script, polyglots. Each is refused with a form error and nothing stored, or
stored only as a rebuilt image without the payload."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from . import bombs

pytestmark = pytest.mark.django_db


def media_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def upload(client, name, content, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {
            "title": name,
            "description": "Alt text for a hostile file",
            "file": SimpleUploadedFile(name, content, content_type),
        },
    )


@pytest.mark.parametrize(
    "name,content,content_type",
    [
        ("bomb.png", bombs.png_bomb(), "image/png"),
        ("drawing.svg", bombs.SVG_WITH_SCRIPT, "image/svg+xml"),
        ("drawing.png", bombs.SVG_WITH_SCRIPT, "image/png"),
        ("archive.jpg", bombs.nested_zip_bomb(), "image/jpeg"),
        ("empty.png", b"", "image/png"),
    ],
)
def test_refused_with_a_form_error(editor_client, settings, name, content, content_type):
    from cronica.news.images import CleanImage

    before = media_files(settings)
    response = upload(editor_client, name, content, content_type)
    assert response.status_code == 200  # the form again, with its error
    assert b"error" in response.content.lower()
    assert not CleanImage.objects.exists()
    assert media_files(settings) == before


def test_image_over_the_pixel_cap_is_refused(editor_client, settings):
    from cronica.news.images import CleanImage

    response = upload(editor_client, "huge.png", bombs.bilevel_png(10_000, 10_000))
    assert response.status_code == 200
    assert not CleanImage.objects.exists()


@pytest.mark.parametrize(
    "name,content",
    [
        ("polyglot.png", bombs.png_with_script()),
        ("polyglot.gif", bombs.gif_js_polyglot()),
    ],
)
def test_polyglot_is_rebuilt_without_its_payload(editor_client, client, settings, name, content):
    from cronica.news.images import CleanImage

    response = upload(editor_client, name, content)
    if response.status_code == 200:  # refused: fine, as long as nothing was stored
        assert not CleanImage.objects.exists()
        return
    assert response.status_code == 302
    image = CleanImage.objects.get()
    stored = image.file.read()
    assert b"<script" not in stored and b"alert" not in stored
    served = client.get(image.file.url)
    assert served["X-Content-Type-Options"] == "nosniff"
    assert not served["Content-Type"].startswith("text/")
