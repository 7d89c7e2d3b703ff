"""What a thief of the disk and the database learns about tips (docs/security.md,
"Addresses, times and sizes"): no time finer than the hour on any blob or folder, sizes
only as Padmé buckets, row ids in no order; and the journalist still gets every byte back
with `cronica tips decrypt` (or `age -d`, plus the padding)."""

import os
import subprocess
from pathlib import Path

import pytest
from django.db import connection

from cronica.tips import blobs
from cronica.tips.models import Reply, Source, StoredFile, Submission
from cronica.tips.streaming import padded_size

from .conftest import send_first, token_of
from .decrypting import decrypt

pytestmark = pytest.mark.django_db


def send_file(client, name, content):
    _codename, response = send_first(client, message="about the convoy", files=[content])
    assert response.status_code == 200, response.content[:300]
    client.post("/en/tips/confirm/", {"token": token_of(response), "metadata": "keep"})
    return Submission.objects.order_by("-pk").filter(pending=False)


def test_blobs_and_rows_say_no_exact_time_size_or_order(client, tipline):
    # Two plain files of different sizes in the same size bucket (they cannot be cleaned).
    send_file(client, "a.bin", b"\x01" * 5000)
    send_file(client, "b.bin", b"\x02" * 5100)
    assert padded_size(5000) == padded_size(5100) == 5120

    files = list(StoredFile.objects.all())
    assert len(files) == 2
    # Times first: listing a folder or reading a file moves its access time (docs/security.md).
    for f in files:
        info = blobs.path_of(f.blob).stat()
        assert info.st_mtime % 3600 == 0 and info.st_atime % 3600 == 0
    root = blobs.root()
    for path in [root, root / "incoming", *root.rglob("*")]:
        assert path.stat().st_mtime % 3600 == 0, path
    for f in files:
        data = blobs.path_of(f.blob).read_bytes()
        assert len(data) == f.size
        # After the age header (whose random "grease" stanza only adds noise): the nonce,
        # then one chunk of the padded plaintext and its tag, the same for both files.
        header_end = data.index(b"\n", data.index(b"\n--- ") + 1) + 1
        assert len(data) - header_end == 16 + 5120 + 16

    for row in [*Source.objects.all(), *Submission.objects.all(), *StoredFile.objects.all()]:
        assert row.pk > 2**20  # random, not 1, 2, 3...
    # No counter that gives the number of rows away.
    tables = ["tips_source", "tips_submission", "tips_storedfile", "tips_reply"]
    counters = {
        "sqlite": ("SELECT name FROM sqlite_sequence WHERE name IN (%s, %s, %s, %s)", tables),
        "postgresql": (
            "SELECT sequence_name FROM information_schema.sequences"
            " WHERE sequence_name IN (%s, %s, %s, %s)",
            [f"{table}_id_seq" for table in tables],
        ),
    }
    with connection.cursor() as cursor:
        cursor.execute(*counters[connection.vendor])
        assert cursor.fetchall() == []
    Reply.objects.create(source=Source.objects.first(), ciphertext="x")
    assert Reply.objects.get().pk > 2**20


def test_journalist_gets_every_byte_back(client, tipline, journalist, tmp_path):
    content = bytes(range(256)) * 30  # 7,680 bytes: bucket 7,680 + padding
    submission = send_file(client, "ledger.bin", content).get()
    stored = submission.files.get()
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    for name in (submission.manifest, stored.blob):
        (downloads / f"{name}.age").write_bytes(blobs.path_of(name).read_bytes())
    out = decrypt(journalist["key"], tmp_path / "out", *downloads.iterdir())
    written = [p for p in out.iterdir() if not p.name.startswith("message-")]
    assert [p.read_bytes() for p in written] == [content]  # cut to its true size
    plain = subprocess.run(
        ["age", "-d", "-i", str(journalist["key"]), str(downloads / f"{stored.blob}.age")],
        check=True,
        capture_output=True,
    ).stdout
    assert plain[: len(content)] == content and set(plain[len(content) :]) <= {0}
    assert len(plain) == padded_size(len(content))
    assert Path(blobs.path_of(stored.blob)).stat().st_size == stored.size


def test_blobs_settle_hourly_as_fresh_copies(client, tipline):
    send_file(client, "c.bin", b"\x03" * 6000)
    stored = StoredFile.objects.get()
    incoming = blobs.path_of(stored.blob)
    assert incoming.parent.name == "incoming"  # its first hour
    assert blobs.settle() == 0  # nothing from an earlier hour yet
    before = incoming.stat()
    data = incoming.read_bytes()
    an_hour_ago = before.st_mtime - 3600
    for path in incoming.parent.glob("*.age"):  # as if sent during the previous hour
        os.utime(path, (an_hour_ago, an_hour_ago))

    assert blobs.settle() == 2  # the file and the manifest
    settled = blobs.path_of(stored.blob)
    assert settled.parent == blobs.root() and settled.read_bytes() == data
    after = settled.stat()
    # A new inode: its birth and change times are the batch's, not the upload's.
    assert after.st_ino != before.st_ino and after.st_mtime % 3600 == 0
    assert list((blobs.root() / "incoming").iterdir()) == []
    blobs.delete(stored.blob)
    assert not settled.exists()
