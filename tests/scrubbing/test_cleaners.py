"""The shared cleaner on real files made by real tools (exiftool, ffmpeg, pikepdf), checked
with exiftool/ffprobe afterwards: what it finds, and that nothing it reports survives."""

import io
import subprocess
import zipfile

import pikepdf
import pytest
from PIL import Image

from cronica.scrubbing import files
from cronica.scrubbing.findings import describe
from cronica.scrubbing.images import NotAnImage, clean_image, inspect_image


def exiftool(data, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(data)
    return subprocess.run(
        ["exiftool", "-a", "-G1", "-s", str(path)], check=True, capture_output=True, text=True
    ).stdout


def rotated_jpeg_with_everything(tmp_path):
    path = tmp_path / "in.jpg"
    Image.new("RGB", (40, 20), (10, 120, 200)).save(path)
    subprocess.run(
        [
            "exiftool",
            "-q",
            "-overwrite_original",
            "-Orientation#=6",
            "-GPSLatitude=25.68",
            "-GPSLatitudeRef=N",
            "-GPSLongitude=100.31",
            "-GPSLongitudeRef=W",
            "-Make=Acme",
            "-Model=Phone X9",
            "-SerialNumber=SN-12345",
            "-Comment=from my window",
            "-IPTC:By-line=Ana",
            "-XMP:Creator=Ana",
            f"-ThumbnailImage<={path}",
            "-ICC_Profile<=/dev/null",
            str(path),
        ],
        check=True,
        capture_output=True,
    )
    return path.read_bytes()


def test_photo_is_rebuilt_without_any_metadata(tmp_path):
    data = rotated_jpeg_with_everything(tmp_path)
    found = inspect_image(data)
    assert {"gps", "device", "text_comment", "xmp", "iptc", "thumbnail"} <= found
    cleaned = clean_image(data)
    tags = exiftool(cleaned.data, tmp_path, "out.jpg")
    for leak in (
        "GPS",
        "Acme",
        "Phone X9",
        "SN-12345",
        "window",
        "Ana",
        "XMP",
        "IPTC",
        "Thumbnail",
        "ICC",
        "Orientation",
    ):
        assert leak not in tags, leak
    assert Image.open(io.BytesIO(cleaned.data)).size == (20, 40)  # orientation applied
    assert inspect_image(cleaned.data) == set()


def test_labels_are_plain_language():
    assert describe({"gps", "device"}) == [
        "the GPS position where it was taken",
        "the make and model of the camera or phone",
    ]


def test_not_an_image_is_refused():
    with pytest.raises(NotAnImage):
        clean_image(b"%PDF-1.4 not an image")


def test_pdf_loses_info_xmp_and_annotation_authors(tmp_path):
    pdf = pikepdf.new()
    pdf.add_blank_page()
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = ["Ana Torres"]
    pdf.docinfo["/Author"] = "Ana Torres"
    pdf.docinfo["/Producer"] = "Acme Writer 3"
    annot = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Text,
            Rect=[0, 0, 10, 10],
            T="Ana Torres",
            Contents="check this",
        )
    )
    pdf.pages[0].obj["/Annots"] = pikepdf.Array([annot])
    out = io.BytesIO()
    pdf.save(out)
    result = files.scrub(out.getvalue())
    assert result.kind == "pdf"
    assert {"author", "software", "xmp", "comments"} <= result.findings
    assert b"Ana Torres" not in result.cleaned and b"Acme Writer" not in result.cleaned
    assert files.inspect(result.cleaned).findings == set()
    assert b"check this" in result.cleaned  # the content itself is evidence, kept


def docx(tmp_path):
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
        "docProps/core.xml": '<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:creator>Ana '
        "Torres</dc:creator><cp:lastModifiedBy>Ana Torres"
        "</cp:lastModifiedBy></cp:coreProperties>",
        "docProps/app.xml": "<Properties><Company>Aduana Norte</Company></Properties>",
        "word/document.xml": '<w:document xmlns:w="w"><w:p w:rsidR="00A1B2C3"><w:ins '
        'w:author="Ana Torres" w:id="1"><w:r><w:t>route via the '
        "bridge</w:t></w:r></w:ins></w:p></w:document>",
        "word/comments.xml": '<w:comments xmlns:w="w"><w:comment w:author="Ana Torres" '
        'w:initials="AT"/></w:comments>',
        "xl/comments1.xml": "<comments><authors><author>Ana Torres</author></authors></comments>",
        "ppt/commentAuthors.xml": '<p:cmAuthorLst xmlns:p="p"><p:cmAuthor id="1" '
        'name="Ana Torres" initials="AT"/></p:cmAuthorLst>',
        "word/settings.xml": '<w:settings xmlns:w="w"><w:rsids><w:rsidRoot w:val="00A1B2C3"/>'
        "</w:rsids></w:settings>",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return out.getvalue()


def test_office_document_loses_authors_company_and_rsids(tmp_path):
    result = files.scrub(docx(tmp_path))
    assert result.kind == "office"
    assert {"author", "organization", "comments", "revisions"} <= result.findings
    cleaned = zipfile.ZipFile(io.BytesIO(result.cleaned))
    everything = b"".join(cleaned.read(name) for name in cleaned.namelist())
    assert b"Ana Torres" not in everything and b"Aduana" not in everything
    assert b"00A1B2C3" not in everything and b"AT" not in cleaned.read("word/comments.xml")
    assert b"route via the bridge" in everything
    assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in cleaned.infolist())


def test_video_loses_location_and_data_tracks(tmp_path):
    source = tmp_path / "in.mp4"
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc=duration=1:size=64x48:rate=10",
            "-f",
            "lavfi",
            "-i",
            "sine=duration=1",
            "-metadata",
            "location=+25.6866-100.3161/",
            "-metadata",
            "creation_time=2024-05-01T09:35:00Z",
            "-shortest",
            "-c:v",
            "libx264",
            "-c:a",
            "aac",
            str(source),
        ],
        check=True,
    )
    result = files.scrub(source.read_bytes())
    assert result.kind == "video"
    assert {"gps", "datetime"} <= result.findings
    tags = exiftool(result.cleaned, tmp_path, "out.mp4")
    assert "GPS" not in tags and "2024:05:01" not in tags
    streams = (
        subprocess.run(
            ["ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0", "-"],
            input=result.cleaned,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split()
    )
    assert sorted(streams) == ["audio", "video"]


def test_unknown_files_are_not_claimed_clean():
    result = files.scrub(b"just some notes\n" * 10)
    assert result.kind is None and result.cleaned is None
    broken = files.scrub(b"%PDF-1.4 truncated garbage")
    assert broken.kind == "pdf" and broken.cleaned is None and broken.error
