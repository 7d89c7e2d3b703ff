"""A source's whole path through the real views, storage and encryption: first tip with a
photo, review, confirmation, decryption on the journalist's side with `cronica tips
decrypt` and Debian's `age -d`, a reply read back on a return visit."""

import subprocess
from pathlib import Path

import pytest
from django.apps import apps
from django.core import serializers
from django.core.files.uploadedfile import SimpleUploadedFile

from cronica.tips import blobs, submissions
from cronica.tips.models import Reply, Source, StoredFile, Submission

from .conftest import exif_of, gps_jpeg, send_first, start, token_of
from .decrypting import decrypt

pytestmark = pytest.mark.django_db

MARKER = "MARKER-7f3c91-el-jefe-de-plaza"


def photo(tmp_path, name="roof.jpg"):
    path = gps_jpeg(tmp_path / name)
    return SimpleUploadedFile(name, path.read_bytes(), content_type="image/jpeg")


def everything_stored(settings):
    """Every byte the site keeps: files under the data directory (SQLite, WAL, media,
    tips) and every row of every model serialized (covers PostgreSQL too)."""
    chunks = [p.read_bytes() for p in Path(settings.DATA_DIR).rglob("*") if p.is_file()]
    for model in apps.get_models():
        chunks.append(serializers.serialize("json", model._default_manager.all()).encode())
    return b"\n".join(chunks)


def test_closed_without_recipients(client, home, settings):
    settings.CRONICA_TIPS_RECIPIENTS = []
    response = client.get("/en/tips/")
    assert response.status_code == 503
    assert b"tip line is closed" in response.content
    assert client.get("/en/tips/new/").status_code == 503
    assert client.post("/en/tips/send/", {"mode": "new", "message": "x"}).status_code == 503
    assert not Submission.objects.exists()


def test_index_is_cookieless_and_bilingual(client, tipline):
    for language, phrase in (("en", b"Tor Browser"), ("es", b"Tor Browser")):
        response = client.get(f"/{language}/tips/")
        assert response.status_code == 200
        assert phrase in response.content
        assert not response.cookies
        assert response["Referrer-Policy"] == "no-referrer"
        assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "Envíanos" in client.get("/es/tips/").content.decode()


def test_codename_is_eight_words_from_the_language_list(client, tipline):
    from cronica.tips.codenames import wordlist

    english, _ = start(client, "en")
    spanish, _ = start(client, "es")
    assert len(english.split()) == 8 and set(english.split()) <= set(wordlist("en"))
    assert len(spanish.split()) == 8 and set(spanish.split()) <= set(wordlist("es"))
    assert english != start(client, "en")[0]


def test_photo_tip_end_to_end(client, tipline, tmp_path, journalist, settings):
    codename, response = send_first(
        client,
        message=f"The shipment moves {MARKER} tonight.",
        files=[photo(tmp_path)],
        links="https://example.org/a",
    )
    assert response.status_code == 200, response.content
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "the GPS position where it was taken" in page
    assert "make and model of the camera" in page
    submission = Submission.objects.get()
    assert submission.pending
    assert submission.files.count() == 2  # original and cleaned, until the source chooses

    confirmed = client.post(
        "/en/tips/confirm/", {"token": token_of(response), "metadata": "remove", "action": "send"}
    )
    assert b"Your tip was sent" in confirmed.content
    submission.refresh_from_db()
    assert not submission.pending
    stored = submission.files.get()
    assert stored.metadata_removed and not stored.is_original
    assert len(list(blobs.root().rglob("*.age"))) == 2  # the manifest and the cleaned photo
    assert submission.arrived.minute == 0 and submission.arrived.second == 0

    blob = blobs.path_of(stored.blob)
    assert blob.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert b"Acme" not in blob.read_bytes() and b"\xff\xd8\xff" not in blob.read_bytes()

    # Debian's age decrypts the stored file; nothing identifying is left in it.
    plain = tmp_path / "age-out.jpg"
    subprocess.run(
        ["age", "-d", "-i", str(journalist["key"]), "-o", str(plain), str(blob)], check=True
    )
    tags = exif_of(plain)
    for leak in ("GPS", "Acme", "Phone X9", "Juan", "roof", "XMP", "Thumbnail", "2024:05:01"):
        assert leak not in tags, (leak, tags)

    # `cronica tips decrypt` restores the original name from the encrypted manifest.
    out = decrypt(
        journalist["key"], tmp_path / "decrypted", blobs.path_of(submission.manifest), blob
    )
    assert "roof.jpg" in {p.name for p in out.iterdir()}
    assert "GPS" not in exif_of(out / "roof.jpg")
    message = next(p for p in out.iterdir() if p.suffix == ".txt").read_text()
    assert MARKER in message and "https://example.org/a" in message

    # The marker is nowhere in what the server keeps.
    assert MARKER.encode() not in everything_stored(settings)
    assert codename.encode() not in everything_stored(settings)

    # A journalist replies; the source returns with the codename and reads it.
    source = Source.objects.get()
    submissions.reply(source, "Thank you. Can you tell us which road?")
    assert b"which road" not in Reply.objects.get().ciphertext.encode()
    back = client.post("/en/tips/return/", {"codename": codename.upper()})
    assert back.status_code == 200
    assert "Can you tell us which road?" in back.content.decode()
    assert not back.cookies

    # ... and sends more from there.
    more = client.post(
        "/en/tips/send/",
        {"mode": "return", "codename": codename, "message": "Highway 45, north of the toll."},
    )
    assert b"Your tip was sent" in more.content
    assert source.submissions.count() == 2


def test_keep_original_as_evidence(client, tipline, tmp_path, journalist):
    _codename, response = send_first(client, files=[photo(tmp_path)])
    client.post("/en/tips/confirm/", {"token": token_of(response), "metadata": "keep"})
    stored = StoredFile.objects.get()
    assert stored.is_original and not stored.metadata_removed
    plain = tmp_path / "kept.jpg"
    subprocess.run(
        [
            "age",
            "-d",
            "-i",
            str(journalist["key"]),
            "-o",
            str(plain),
            str(blobs.path_of(stored.blob)),
        ],
        check=True,
    )
    assert "Phone X9" in exif_of(plain)
    assert Submission.objects.get().uncleaned


def test_wrong_codename_is_refused(client, tipline):
    codename, _ = send_first(client, message="first")
    wrong = codename.split()
    wrong[3] = "zebra" if wrong[3] != "zebra" else "apple"
    response = client.post("/en/tips/return/", {"codename": " ".join(wrong)})
    assert response.status_code == 400
    assert b"That codename is not right" in response.content
    response = client.post(
        "/en/tips/send/", {"mode": "return", "codename": " ".join(wrong), "message": "more"}
    )
    assert response.status_code == 400
    assert Submission.objects.count() == 1


@pytest.mark.parametrize(
    "case", ["mistyped", "empty", "contains_codename", "bad_link", "forged_codename"]
)
def test_failed_submission_keeps_nothing(client, tipline, tmp_path, case):
    codename, fields = start(client)
    data = {
        "mode": "new",
        **fields,
        "codename": codename,
        "message": "hello",
        "files": [photo(tmp_path)],
    }
    if case == "mistyped":
        data["codename"] = codename.rsplit(" ", 1)[0]
    elif case == "empty":
        data.update(message="", files=[])
    elif case == "contains_codename":
        data["message"] = f"my codename is {codename.upper()}"
    elif case == "bad_link":
        data["links"] = "javascript:alert(1)"
    elif case == "forged_codename":
        data["codename_shown"] = data["codename"] = "a a a a a a a a"
    response = client.post("/en/tips/send/", data)
    assert response.status_code == 400
    assert b"Your tip was not sent" in response.content
    assert not Submission.objects.exists() and not Source.objects.exists()
    assert not list(blobs.root().rglob("*.age")) and not list(blobs.root().rglob("*.part"))


def test_too_large_is_refused_and_nothing_kept(client, tipline, settings):
    settings.CRONICA_TIPS_MAX_SUBMISSION_BYTES = 200_000
    big = SimpleUploadedFile("big.bin", b"\0" * 150_000)
    big2 = SimpleUploadedFile("big2.bin", b"\1" * 150_000)
    _codename, response = send_first(client, message="two files", files=[big, big2])
    assert response.status_code == 413
    assert b"too large" in response.content
    assert not Submission.objects.exists()
    assert not list(blobs.root().rglob("*.age")) and not list(blobs.root().rglob("*.part"))


def test_cross_site_post_is_refused(client, tipline):
    codename, fields = start(client)
    response = client.post(
        "/en/tips/send/",
        {"mode": "new", **fields, "codename": codename, "message": "x"},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_cancel_deletes_everything(client, tipline, tmp_path):
    _codename, response = send_first(client, files=[photo(tmp_path)])
    assert Submission.objects.get().pending and list(blobs.root().rglob("*.age"))
    client.post("/en/tips/confirm/", {"token": token_of(response), "action": "cancel"})
    assert not Submission.objects.exists() and not Source.objects.exists()
    assert not list(blobs.root().rglob("*.age"))


def test_large_file_never_touches_disk_in_plaintext(
    client, tipline, settings, tmp_path, journalist
):
    """Django's default handlers would spill this 6 MB upload to a plaintext temporary file;
    with the temp dir pointing nowhere, any such attempt would fail the request."""
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "does-not-exist")
    content = (MARKER.encode() + b" ledger line\n") * 200_000
    _codename, response = send_first(client, files=[SimpleUploadedFile("ledger.txt", content)])
    assert response.status_code == 200
    assert "We cannot remove metadata from this file" in response.content.decode()
    client.post("/en/tips/confirm/", {"token": token_of(response)})
    stored = StoredFile.objects.get()
    assert not stored.metadata_removed
    assert MARKER.encode() not in everything_stored(settings)
    plain = subprocess.run(
        ["age", "-d", "-i", str(journalist["key"]), str(blobs.path_of(stored.blob))],
        check=True,
        capture_output=True,
    ).stdout
    # Padded with zero bytes to its size bucket inside the encryption (docs/security.md).
    assert plain[: len(content)] == content and not plain[len(content) :].strip(b"\0")


def test_photo_over_the_cleaning_limit_is_flagged(client, tipline, settings, tmp_path):
    settings.CRONICA_TIPS_CLEAN_MAX_BYTES = 1000
    _codename, response = send_first(client, files=[photo(tmp_path)])
    page = response.content.decode()
    assert "We cannot remove metadata from this file" in page
    client.post("/en/tips/confirm/", {"token": token_of(response), "metadata": "remove"})
    assert Submission.objects.get().uncleaned


def test_admin_recipient_opens_the_line_and_bad_keys_are_refused(
    client, home, settings, journalist
):
    from django.core.exceptions import ValidationError

    from cronica.tips.models import Recipient

    settings.CRONICA_TIPS_RECIPIENTS = []
    with pytest.raises(ValidationError):
        Recipient(name="typo", public_key="age1notakey").full_clean()
    assert client.get("/en/tips/").status_code == 503
    Recipient.objects.create(name="Editor", public_key=journalist["recipient"])
    assert client.get("/en/tips/").status_code == 200
    Recipient.objects.update(active=False)
    assert client.get("/en/tips/").status_code == 503


def test_flood_of_submissions_is_rate_limited(client, tipline):
    codename, first = send_first(client, message="one")
    assert first.status_code == 200
    statuses = [
        client.post(
            "/en/tips/send/", {"mode": "return", "codename": codename, "message": f"more {i}"}
        ).status_code
        for i in range(20)
    ]
    assert statuses[:19] == [200] * 19 and statuses[19] == 429
    assert Submission.objects.count() == 20
