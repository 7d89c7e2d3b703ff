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


def file_errors(response):
    """The messages of the form's error on the file field (the form shown again)."""
    return [str(message) for message in response.context["form"].errors.get("file", [])]


@pytest.mark.parametrize(
    "name,content,content_type,reason",
    [
        ("bomb.png", bombs.png_bomb(), "image/png", "This file has too many pixels"),
        ("drawing.svg", bombs.SVG_WITH_SCRIPT, "image/svg+xml", "Not a supported image format"),
        ("drawing.png", bombs.SVG_WITH_SCRIPT, "image/png", "does not match the file format"),
        ("archive.jpg", bombs.nested_zip_bomb(), "image/jpeg", "Upload a valid image"),
        ("empty.png", b"", "image/png", "The submitted file is empty"),
    ],
)
def test_refused_with_a_form_error(editor_client, settings, name, content, content_type, reason):
    from cronica.news.images import CleanImage

    before = media_files(settings)
    response = upload(editor_client, name, content, content_type)
    assert response.status_code == 200  # the form again, with its error
    errors = file_errors(response)
    assert len(errors) == 1 and reason in errors[0], errors
    assert not CleanImage.objects.exists()
    assert media_files(settings) == before


def test_image_over_the_pixel_cap_is_refused(editor_client, settings):
    """100 megapixels: under Wagtail's own limit, over the cleaner's, which says so."""
    from cronica.news.images import CleanImage

    before = media_files(settings)
    response = upload(editor_client, "huge.png", bombs.bilevel_png(10_000, 10_000))
    assert response.status_code == 200
    assert file_errors(response) == [
        "This image cannot be used: image too large: 10000x10000 pixels (limit 80 megapixels)."
    ]
    assert not CleanImage.objects.exists()
    assert media_files(settings) == before


@pytest.mark.parametrize(
    "name,content",
    [
        ("polyglot.png", bombs.png_with_script()),
        ("polyglot.gif", bombs.gif_js_polyglot()),
    ],
)
def test_polyglot_is_rebuilt_without_its_payload(editor_client, client, settings, name, content):
    """A polyglot is a valid image: it is accepted, and only its pixels are kept."""
    from cronica.news.images import CleanImage

    assert b"alert" in content  # the payload is there to be removed
    response = upload(editor_client, name, content)
    assert response.status_code == 302, file_errors(response)
    image = CleanImage.objects.get()
    assert image.metadata_removed
    stored = image.file.read()
    assert b"<script" not in stored and b"alert" not in stored
    served = client.get(image.file.url)
    assert served["X-Content-Type-Options"] == "nosniff"
    assert not served["Content-Type"].startswith("text/")
