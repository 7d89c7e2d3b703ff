"""The cleaner on each crafted hostile file (crafted.py), checked fully unpacked
(unpack.py): what it reports to the source, that nothing identifying is left in any part,
and that the cleaned file is still the same document, picture or recording."""

import io
import json
import subprocess
import zipfile

import pikepdf
import pytest
from lxml import etree
from PIL import Image

from cronica.scrubbing import files
from cronica.scrubbing.office import FIXED_DATE
from cronica.scrubbing.pdf import strip_jpeg

from ..mirrors import mirror_file
from . import crafted
from .unpack import leaks_in, sei_units

EXPECTED = {
    "photo.pdf": {
        "author",
        "gps",
        "device",
        "xmp",
        "comments",
        "attachments",
        "scripts",
        "form_data",
    },
    "scan.pdf": {"gps", "device", "thumbnail", "author", "other"},
    "report.docx": {"author", "gps", "device", "comments", "revisions", "paths", "datetime"},
    "ledger.xlsx": {"author", "gps", "comments", "paths", "datetime"},
    "slides.pptx": {"author", "gps", "comments", "datetime"},
    "notes.odt": {"author", "gps", "comments", "revisions", "datetime", "device"},
    "song.mp3": {"author", "gps", "cover"},
    "voice.m4a": {"author", "gps", "cover"},
    "dashcam.mp4": {"author", "gps", "bitstream"},
    "phone.mov": {"author", "gps", "device", "bitstream"},
    "hevc.mp4": {"author", "gps", "bitstream"},
    "clip.webm": {"author", "gps"},
    "clip.mkv": {"author", "gps", "cover"},  # ffprobe shows a JPEG attachment as a cover
}


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crafted")
    return {name: make(folder) for name, make in crafted.CLEANABLE.items()}


@pytest.mark.parametrize("name", sorted(crafted.CLEANABLE))
def test_nothing_identifying_survives_in_any_part(made, name):
    data = made[name]
    assert leaks_in(data, name)
    result = files.scrub(data)
    assert result.error == "" and result.cleaned is not None
    assert EXPECTED[name] <= result.findings, sorted(EXPECTED[name] - result.findings)
    assert leaks_in(result.cleaned, name) == []
    assert files.scrub(result.cleaned).cleaned is not None  # and cleaning again still works


def test_pdf_photo_keeps_its_pixels_and_loses_its_segments(made):
    cleaned = files.scrub(made["photo.pdf"]).cleaned
    with pikepdf.open(io.BytesIO(cleaned)) as pdf:
        assert not pdf.attachments and "/AcroForm" in pdf.Root
        assert "/OpenAction" not in pdf.Root
        image = pdf.pages[0].Resources.XObject.Im0
        jpeg = image.read_raw_bytes()
    with pikepdf.open(io.BytesIO(made["photo.pdf"])) as pdf:
        before = pdf.pages[0].Resources.XObject.Im0.read_raw_bytes()
    assert jpeg == strip_jpeg(before) and len(jpeg) < len(before)
    assert Image.open(io.BytesIO(jpeg)).tobytes() == Image.open(io.BytesIO(before)).tobytes()


def test_scanned_pdf_pictures_still_decode(made):
    with pikepdf.open(io.BytesIO(files.scrub(made["scan.pdf"]).cleaned)) as pdf:
        pictures = pdf.pages[0].Resources.XObject
        assert pikepdf.PdfImage(pictures.Im0).as_pil_image().size == (32, 24)
        assert pictures.Im1.Filter == pikepdf.Name.DCTDecode
        assert Image.open(io.BytesIO(pictures.Im1.read_raw_bytes())).size == (96, 64)
        assert "/Thumb" not in pdf.pages[0].obj


@pytest.mark.parametrize("name", ["report.docx", "ledger.xlsx", "slides.pptx", "notes.odt"])
def test_office_package_stays_consistent(made, name):
    cleaned = zipfile.ZipFile(io.BytesIO(files.scrub(made[name]).cleaned))
    names = set(cleaned.namelist())
    for part in names:
        if part.endswith((".xml", ".rels")):
            etree.fromstring(cleaned.read(part))  # well-formed
        if part.endswith(".rels"):
            base = part.rsplit("_rels/", 1)[0]
            for rel in etree.fromstring(cleaned.read(part)):
                if rel.get("TargetMode") != "External":
                    target = rel.get("Target")
                    resolved = target.lstrip("/") if target.startswith("/") else base + target
                    resolved = "/".join(
                        p for p in resolved.replace("word/../", "").split("/") if p != "."
                    )
                    assert resolved in names, (part, target)
    if name == "notes.odt":
        first = cleaned.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    if name == "report.docx":
        document = cleaned.read("word/document.xml").decode()
        assert "Highway 45" in document and "The shipment moves tonight." in document
        assert FIXED_DATE in document
        assert not {n for n in names if "printerSettings" in n or n.startswith("customXml")}


def _streams(data, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(data)
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-of", "json", "-show_streams", str(path)],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-f", "null", "-"],
        check=True,
        capture_output=True,
    )
    return [s["codec_type"] for s in json.loads(out)["streams"]], path


@pytest.mark.parametrize(
    "name",
    ["song.mp3", "voice.m4a", "dashcam.mp4", "phone.mov", "hevc.mp4", "clip.webm", "clip.mkv"],
)
def test_media_keeps_its_sound_and_picture(made, tmp_path, name):
    cleaned = files.scrub(made[name]).cleaned
    kinds, path = _streams(cleaned, tmp_path, name)
    audio_only = name in ("song.mp3", "voice.m4a")
    assert kinds == (
        ["audio"] if audio_only else ["video", "audio"] if "clip" in name else ["video"]
    )
    if name == "clip.webm":  # WebM stays WebM (its EBML DocType), not Matroska
        assert b"webm" in cleaned[:64]
    if name == "phone.mov":  # QuickTime stays QuickTime
        assert cleaned[8:12] == b"qt  "
    if name.endswith((".mp4", ".mov")):  # H.264 and HEVC
        original = tmp_path / f"original-{name}"
        original.write_bytes(made[name])
        assert sei_units(original) > 0 and sei_units(path) == 0
        assert crafted.SEI_TEXT.encode() not in cleaned


@pytest.mark.parametrize("name", sorted(crafted.UNCLEANABLE))
def test_uncleanable_files_are_not_claimed_clean(tmp_path, name):
    result = files.scrub(crafted.UNCLEANABLE[name](tmp_path))
    assert result.cleaned is None and result.error
    if name == "with-object.docx":
        assert {"embedded", "gps", "author"} <= result.findings
        assert "embedded object" in result.error


def test_old_word_document_is_reported_and_never_claimed_clean():
    # Provenance (docs/security.md, "Metadata removal"): a Word 97-2003 document saved by
    # Word 2016, from decalage2/oletools at 58ff1a4e5bb6d9087cc9bc2c69e38150e38b69f8.
    data = mirror_file(
        "decalage2/oletools",
        "tests/test-data/msodde/harmless-clean.doc",
        "58ff1a4e5bb6d9087cc9bc2c69e38150e38b69f8",
    )
    result = files.scrub(data)
    assert result.kind == "legacy" and result.cleaned is None
    assert {"author", "datetime", "software"} <= result.findings


def test_dates_and_web_links_that_are_content_stay():
    table = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:xlink="http://www.w3.org/1999/xlink"><table:table-cell office:value-type="date"'
        ' office:date-value="2024-05-01T09:35:00"/><a xlink:href="https://example.org/users/42"/>'
        "</office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", table)
    cleaned = zipfile.ZipFile(io.BytesIO(files.scrub(out.getvalue()).cleaned))
    content = cleaned.read("content.xml").decode()
    assert 'office:date-value="2024-05-01T09:35:00"' in content
    assert "https://example.org/users/42" in content
