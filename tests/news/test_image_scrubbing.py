"""Every image that enters the library loses its metadata, whatever path it came by.

On this beat a reader's photo published with its GPS position can get someone killed,
and Wagtail copies EXIF from originals into renditions; so the original itself is
rebuilt from its pixels before it is stored.
"""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from cronica.news.images import CleanImage

from .images import SECRET, exiftool_tags, jpeg_with_metadata, metadata_groups


@pytest.fixture
def dirty_jpeg(tmp_path):
    return jpeg_with_metadata(tmp_path / "dirty.jpg")


def test_fixture_really_carries_metadata(dirty_jpeg):
    groups = metadata_groups(exiftool_tags(dirty_jpeg))
    assert {"IFD0", "GPS", "XMP-dc", "ICC-header", "IPTC"} <= groups
    assert SECRET.encode() in dirty_jpeg.read_bytes()


@pytest.mark.django_db
def test_saved_image_and_renditions_carry_no_metadata(dirty_jpeg, tmp_path):
    image = CleanImage(title="dirty", description="a test picture")
    image.file = ContentFile(dirty_jpeg.read_bytes(), name="dirty.jpg")
    image.save()

    stored = image.file.read()
    assert SECRET.encode() not in stored
    assert metadata_groups(exiftool_tags(stored, tmp_path)) == set()
    assert image.metadata_removed
    # Orientation 6 was applied to the pixels: the 64x32 picture is now 32x64 and upright.
    assert (image.width, image.height) == (32, 64)
    assert Image.open(io.BytesIO(stored)).size == (32, 64)

    rendition = image.get_rendition("width-20")
    with rendition.file.open() as f:
        rendered = f.read()
    assert SECRET.encode() not in rendered
    assert "GPS" not in metadata_groups(exiftool_tags(rendered, tmp_path))


@pytest.mark.django_db
def test_admin_upload_is_scrubbed_and_needs_alt_text(
    client, home, dirty_jpeg, tmp_path, staff_login
):
    from django.contrib.auth.models import Group, User

    editor = User.objects.create_user("ed", password="pw-for-tests-only")
    editor.groups.add(Group.objects.get(name="Editors"))
    staff_login(client, editor)

    with open(dirty_jpeg, "rb") as f:
        response = client.post("/admin/images/add/", {"title": "no alt", "file": f})
    assert response.status_code == 200  # form redisplayed with an error
    assert not CleanImage.objects.filter(title="no alt").exists()

    with open(dirty_jpeg, "rb") as f:
        response = client.post(
            "/admin/images/add/",
            {
                "title": "with alt",
                "description": "Soldiers at a checkpoint",
                "file": f,
                "credit": "Reader photo",
            },
        )
    assert response.status_code == 302, response.content[:2000]
    image = CleanImage.objects.get(title="with alt")
    stored = image.file.read()
    assert SECRET.encode() not in stored
    assert metadata_groups(exiftool_tags(stored, tmp_path)) == set()


@pytest.mark.django_db
def test_admin_refuses_a_file_that_is_not_an_image(client, home, staff_login):
    from django.contrib.auth.models import Group, User
    from django.core.files.uploadedfile import SimpleUploadedFile

    editor = User.objects.create_user("ed", password="pw-for-tests-only")
    editor.groups.add(Group.objects.get(name="Editors"))
    staff_login(client, editor)
    fake = SimpleUploadedFile("fake.jpg", b"\xff\xd8\xff\xe0 not really a jpeg", "image/jpeg")
    response = client.post(
        "/admin/images/add/", {"title": "fake", "description": "x", "file": fake}
    )
    assert response.status_code == 200
    assert not CleanImage.objects.filter(title="fake").exists()


@pytest.mark.parametrize("data", [b"", b"\xff\xd8\xff\xe0 truncated", b"GIF89a", b"<svg/>"])
def test_cleaner_refuses_what_it_cannot_decode(data):
    from cronica.scrubbing.images import NotAnImage, clean_image

    with pytest.raises(NotAnImage):
        clean_image(data)


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "GIF"])
def test_other_formats_are_rebuilt_without_metadata(fmt, tmp_path):
    from cronica.scrubbing.images import clean_image

    image = Image.new("RGB", (16, 16), (10, 200, 10))
    exif = Image.Exif()
    exif[0x010F] = SECRET
    out = io.BytesIO()
    kwargs = {"exif": exif} if fmt in ("PNG", "WEBP") else {"comment": SECRET.encode()}
    image.save(out, fmt, **kwargs)
    assert SECRET.encode() in out.getvalue()
    cleaned = clean_image(out.getvalue())
    assert SECRET.encode() not in cleaned.data
    assert cleaned.format == fmt
