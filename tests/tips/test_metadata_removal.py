"""Metadata removal as a source meets it: each crafted file (tests/scrubbing/crafted.py) is
sent through the tip form of a real HTTP server (Django's live server on loopback) and,
for the PDF and the Word document, through the form in Chromium; the journalist decrypts
the tip with `cronica tips decrypt` and their own key, and every part of the file, fully
unpacked, must be free of anything identifying. Files that cannot be cleaned must say so
on the review page, before anything is sent."""

import pytest

from cronica.tips import blobs
from cronica.tips.models import Submission
from tests.scrubbing import crafted
from tests.scrubbing.unpack import leaks_in

from .decrypting import decrypt
from .source_http import CAN, CANNOT, TipLine

pytestmark = pytest.mark.django_db(transaction=True)


def decrypted_file(journalist, tmp_path, name):
    """The file as the journalist reads it: decrypted with `cronica tips decrypt`."""
    submission = Submission.objects.get()
    stored = submission.files.get()
    out = decrypt(
        journalist["key"],
        tmp_path / "decrypted",
        blobs.path_of(submission.manifest),
        blobs.path_of(stored.blob),
    )
    return stored, (out / name).read_bytes()


@pytest.fixture
def tip_line(live_server, tipline):
    return TipLine(live_server.url)


@pytest.mark.parametrize("name", sorted(crafted.CLEANABLE))
def test_sent_file_arrives_with_nothing_identifying(tip_line, journalist, tmp_path, name):
    original = crafted.CLEANABLE[name](tmp_path)
    assert leaks_in(original, name)  # the checker sees what the file carries

    review = tip_line.send(name, original)
    assert CAN in review and CANNOT not in review
    assert "This file contains:" in review
    tip_line.confirm(review)

    stored, plain = decrypted_file(journalist, tmp_path, name)
    assert stored.metadata_removed and not stored.is_original
    assert leaks_in(plain, name) == []


@pytest.mark.parametrize("name", sorted(crafted.UNCLEANABLE))
def test_uncleanable_file_is_announced_before_sending(tip_line, tmp_path, name):
    review = tip_line.send(name, crafted.UNCLEANABLE[name](tmp_path))
    assert CANNOT in review and CAN not in review
    assert "It will be sent as it is" in review
    assert Submission.objects.get().pending  # nothing has been sent yet


def test_office_review_says_comment_text_stays(tip_line, tmp_path):
    review = tip_line.send("report.docx", crafted.docx(tmp_path))
    assert "comments or their authors" in review
    assert "The text of its comments and tracked changes stays" in review


@pytest.mark.browser
@pytest.mark.parametrize("name", ["photo.pdf", "report.docx"])
def test_pdf_and_docx_through_chromium(page_nojs, tipline, journalist, tmp_path, name):
    page = page_nojs
    path = tmp_path / "upload" / name
    path.parent.mkdir()
    path.write_bytes(crafted.CLEANABLE[name](tmp_path))

    page.goto("/en/tips/new/")
    codename = page.locator("#codename-shown").inner_text().strip()
    page.fill("#tip-codename", codename)
    page.fill("#tip-message", "The file is attached.")
    page.set_input_files("#tip-files", str(path))
    page.click("main button[type=submit]")
    # The click only starts the upload; on a loaded machine the review page comes later.
    page.locator("button[value=send]").wait_for()
    content = page.content()
    assert name in content and CAN in content and CANNOT not in content
    assert "the name of its author" in content
    page.click("button[value=send]")
    assert page.locator("h1").inner_text() == "Your tip was sent"

    _stored, plain = decrypted_file(journalist, tmp_path, name)
    assert leaks_in(plain, name) == []
    assert page.requests.foreign() == []


@pytest.mark.browser
def test_locked_pdf_warning_in_chromium(page_nojs, tipline, tmp_path):
    page = page_nojs
    path = tmp_path / "locked.pdf"
    path.write_bytes(crafted.locked_pdf(tmp_path))
    page.goto("/en/tips/new/")
    page.fill("#tip-codename", page.locator("#codename-shown").inner_text().strip())
    page.set_input_files("#tip-files", str(path))
    page.click("main button[type=submit]")
    warning = page.locator(".warning").inner_text()
    assert "We cannot remove metadata from this file." in warning
    assert CAN not in page.content()
    assert "we cannot tell what it reveals" in page.content()
    page.click("button[value=cancel]")
    assert not Submission.objects.exists()
