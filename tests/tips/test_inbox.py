"""The journalists' side through the real admin views: the inbox listing, downloads that
decrypt offline, replies a returning source reads, flags, deletion, retention and digest."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils.timezone import localtime

from cronica.tips import blobs, jobs
from cronica.tips.models import Reply, Source, StoredFile, Submission

from .conftest import gps_jpeg, send_first, token_of
from .decrypting import decrypt

pytestmark = pytest.mark.django_db


def make_user(staff_login, django_user_model, name, *perms):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw-long-enough-1")
    for codename in ("access_admin", *perms):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client = Client()
    staff_login(client, user)
    return client


@pytest.fixture
def journalist_client(django_user_model, staff_login):
    return make_user(staff_login, django_user_model, "editor", "read_tips")


@pytest.fixture
def tip(client, tipline, tmp_path):
    """A confirmed first tip with a message and a cleaned photo; returns the codename."""
    path = gps_jpeg(tmp_path / "border.jpg")
    codename, response = send_first(
        client,
        message="Secret message about the crossing",
        files=[SimpleUploadedFile("border.jpg", path.read_bytes())],
    )
    client.post("/en/tips/confirm/", {"token": token_of(response), "metadata": "remove"})
    return codename


def test_inbox_needs_its_own_permission(django_user_model, tip, staff_login):
    plain_editor = make_user(staff_login, django_user_model, "plain")
    response = plain_editor.get("/admin/tips/")
    # Wagtail's permission_required sends the user back to the admin home with a message.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert Source.objects.get().designation.encode() not in response.content
    assert b"Tip inbox" not in plain_editor.get("/admin/").content


def test_inbox_lists_sources_and_downloads_decrypt(journalist_client, tip, journalist, tmp_path):
    source = Source.objects.get()
    listing = journalist_client.get("/admin/tips/")
    assert listing.status_code == 200
    assert source.designation in listing.content.decode()
    assert b"Secret message" not in listing.content

    detail = journalist_client.get(f"/admin/tips/source/{source.pk}/").content.decode()
    submission = Submission.objects.get()
    assert localtime(submission.arrived).strftime("%Y-%m-%d %H:00") in detail
    assert "metadata removed" in detail

    stored = StoredFile.objects.get()
    response = journalist_client.get(f"/admin/tips/file/{stored.pk}/")
    ciphertext = b"".join(response.streaming_content)
    assert ciphertext == blobs.path_of(stored.blob).read_bytes()
    submission.refresh_from_db()
    assert submission.read

    response = journalist_client.get(f"/admin/tips/submission/{submission.pk}/all/")
    archive = tmp_path / "all.zip"
    archive.write_bytes(b"".join(response.streaming_content))
    assert len(zipfile.ZipFile(archive).namelist()) == 2
    out = decrypt(journalist["key"], tmp_path / "out", archive)
    names = {p.name for p in out.iterdir()}
    assert "border.jpg" in names
    message = next(p for p in out.iterdir() if p.name.startswith("message-")).read_text()
    assert "Secret message about the crossing" in message


def test_reply_reaches_the_returning_source(journalist_client, tip, client):
    source = Source.objects.get()
    journalist_client.post(
        f"/admin/tips/source/{source.pk}/reply/", {"text": "We would like to talk. Which town?"}
    )
    page = client.post("/en/tips/return/", {"codename": tip}).content.decode()
    assert "We would like to talk. Which town?" in page


def test_flags_and_delete(journalist_client, tip):
    submission = Submission.objects.get()
    journalist_client.post(f"/admin/tips/submission/{submission.pk}/flag/", {"flag": "starred"})
    journalist_client.post(f"/admin/tips/submission/{submission.pk}/flag/", {"flag": "read"})
    submission.refresh_from_db()
    assert submission.starred and submission.read
    names = [submission.manifest, *submission.files.values_list("blob", flat=True)]
    assert all(blobs.path_of(n).exists() for n in names)
    journalist_client.post(f"/admin/tips/submission/{submission.pk}/delete/")
    assert not Submission.objects.exists() and not Source.objects.exists()
    assert not any(blobs.path_of(n).exists() for n in names)


def test_retention_deletes_after_inactivity(tip, settings):
    settings.CRONICA_TIPS_RETENTION_DAYS = 90
    source = Source.objects.get()
    names = [Submission.objects.get().manifest, StoredFile.objects.get().blob]
    jobs.purge_expired()
    assert Source.objects.exists()
    Source.objects.update(last_activity=source.last_activity - timedelta(days=91))
    jobs.purge_expired()
    assert not Source.objects.exists() and not Submission.objects.exists()
    assert not any(blobs.path_of(n).exists() for n in names)


def test_abandoned_review_is_purged(client, tipline, tmp_path):
    path = gps_jpeg(tmp_path / "a.jpg")
    send_first(client, files=[SimpleUploadedFile("a.jpg", path.read_bytes())])
    assert Submission.objects.get().pending and list(blobs.root().rglob("*.age"))
    Submission.objects.update(arrived=Submission.objects.get().arrived - timedelta(hours=2))
    jobs.purge_expired()
    assert not Submission.objects.exists() and not Source.objects.exists()
    assert not list(blobs.root().rglob("*.age"))


def test_digest_counts_without_content(tip, client, django_user_model, staff_login):
    make_user(staff_login, django_user_model, "editor", "read_tips")
    make_user(staff_login, django_user_model, "outsider")
    client.post("/en/tips/send/", {"mode": "return", "codename": tip, "message": "second"})
    assert jobs.send_digest() == 2
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["editor@example.org"]
    assert "2 new submission" in email.body
    assert "Secret" not in email.body and "second" not in email.body
    assert jobs.send_digest() == 0 and len(mail.outbox) == 1


def test_keygen_makes_a_working_identity(tmp_path):
    import pyrage

    out = io.StringIO()
    key = tmp_path / "me.txt"
    call_command("tips", "keygen", "-o", str(key), stdout=out, stderr=io.StringIO())
    recipient = out.getvalue().strip()
    assert recipient.startswith("age1")
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    identity = pyrage.x25519.Identity.from_str(key.read_text().splitlines()[-1])
    assert str(identity.to_public()) == recipient
    with pytest.raises(Exception, match="refusing to overwrite"):
        call_command("tips", "keygen", "-o", str(key), stdout=io.StringIO())


def test_orphan_blobs_are_swept(tip):
    import os
    import time

    from cronica.tips.recipients import newsroom_recipients
    from cronica.tips.streaming import encrypt_bytes

    orphan, _size = encrypt_bytes(b"never acknowledged", newsroom_recipients())
    jobs.purge_expired()
    assert blobs.path_of(orphan).exists()  # too recent: may belong to an upload in flight
    old = time.time() - 7 * 3600
    os.utime(blobs.path_of(orphan), (old, old))
    jobs.purge_expired()
    assert not blobs.path_of(orphan).exists()
    kept = [Submission.objects.get().manifest, StoredFile.objects.get().blob]
    assert all(blobs.path_of(n).exists() for n in kept)


def test_reply_encrypted_offline_is_stored_as_it_is(client, tipline, journalist_client):
    codename, _response = send_first(client, message="first")
    source = Source.objects.get()
    out = io.StringIO()
    call_command(
        "tips", "encrypt-reply", "--to", source.reply_key, stdin=io.StringIO("Meet us"), stdout=out
    )
    armored = out.getvalue()
    assert "Meet us" not in armored
    page = journalist_client.get(f"/admin/tips/source/{source.pk}/")
    assert source.reply_key in page.content.decode()
    journalist_client.post(f"/admin/tips/source/{source.pk}/reply/", {"text": armored})
    assert Reply.objects.get().ciphertext.strip() == armored.strip()
    conversation = client.post("/en/tips/return/", {"codename": codename})
    assert "Meet us" in conversation.content.decode()
