"""`cronica backup` and `cronica restore`, run as the installed command on real data
directories: a snapshot taken while another process writes, restored into a fresh site;
refusals of unsafe or damaged archives that change nothing."""

import io
import os
import sqlite3
import subprocess
import sys
import tarfile
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # starts real `cronica` processes (tests/markers.py)

CRONICA = Path(sys.executable).parent / "cronica"
WXR = Path(__file__).parent / "importers" / "fixtures" / "wordpress.xml"


def cronica(data_dir, *args, database_url=None):
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env["CRONICA_DATA_DIR"] = str(data_dir)
    if database_url:
        env["DATABASE_URL"] = database_url
    return subprocess.run(
        [str(CRONICA), *args], env=env, capture_output=True, text=True, timeout=300
    )


def query(db_path, sql):
    with sqlite3.connect(db_path) as db:
        return db.execute(sql).fetchall()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A migrated site with imported posts and comments, media and tip files."""
    data = tmp_path_factory.mktemp("site")
    for args in (("migrate", "--noinput"), ("import", "wxr", str(WXR), "--no-download")):
        result = cronica(data, *args)
        assert result.returncode == 0, result.stderr
    (data / "media" / "original_images").mkdir(parents=True, exist_ok=True)
    (data / "media" / "original_images" / "photo.jpg").write_bytes(b"\xff\xd8 not really")
    (data / "tips" / "incoming").mkdir(parents=True, exist_ok=True)
    (data / "tips").chmod(0o700)  # as the tip line creates it
    (data / "tips" / "a1b2.age").write_bytes(b"age-encryption.org/v1 ciphertext")
    (data / "tips" / "a1b2.age").chmod(0o600)  # as the tip line writes them
    (data / "tips" / "incoming" / "c3d4.part").write_bytes(b"half written")
    return data


def test_snapshot_while_writing_and_restore_into_a_fresh_site(site, tmp_path):
    db = site / "db.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS backup_probe (batch TEXT, n INTEGER)")
    # Another process writes pairs of rows, one transaction per pair, during the backup.
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"""
import sqlite3, time, uuid
db = sqlite3.connect({str(db)!r}, timeout=30, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
end = time.time() + 60
while time.time() < end:
    batch = uuid.uuid4().hex
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO backup_probe VALUES (?, 1)", (batch,))
    db.execute("INSERT INTO backup_probe VALUES (?, 2)", (batch,))
    db.execute("COMMIT")
""",
        ]
    )
    try:
        time.sleep(1)
        archive = tmp_path / "site.tar"
        result = cronica(site, "backup", str(archive))
    finally:
        writer.kill()
        writer.wait()
    assert result.returncode == 0, result.stderr
    assert "2 media files" not in result.stdout and "1 media files, 1 tip files" in result.stdout
    assert archive.stat().st_mode & 0o777 == 0o600

    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        snapshot = tmp_path / "snapshot.sqlite3"
        snapshot.write_bytes(tar.extractfile("database/db.sqlite3").read())
    assert {
        "manifest.json",
        "database/db.sqlite3",
        "media/original_images/photo.jpg",
        "tips/a1b2.age",
        "secret_key",
    } <= names
    assert not any(name.endswith(".part") for name in names)
    assert query(snapshot, "PRAGMA integrity_check") == [("ok",)]
    rows = query(snapshot, "SELECT count(*) FROM backup_probe")[0][0]
    assert rows > 0  # the writer was running during the snapshot
    torn = query(snapshot, "SELECT batch FROM backup_probe GROUP BY batch HAVING count(*) != 2")
    assert torn == []

    fresh = tmp_path / "fresh"
    fresh.mkdir()
    result = cronica(fresh, "restore", str(archive))
    assert result.returncode == 0, result.stderr
    restored = fresh / "db.sqlite3"
    assert query(restored, "SELECT count(*) FROM news_articlepage") == [(3,)]
    assert query(restored, "SELECT count(*) FROM comments_comment") == [(7,)]
    assert query(restored, "SELECT count(*) FROM backup_probe")[0][0] == rows
    assert (fresh / "media/original_images/photo.jpg").read_bytes() == b"\xff\xd8 not really"
    assert (fresh / "tips/a1b2.age").read_bytes() == b"age-encryption.org/v1 ciphertext"
    assert (fresh / "tips/a1b2.age").stat().st_mode & 0o777 == 0o600
    assert (fresh / "tips").stat().st_mode & 0o777 == 0o700
    assert (fresh / "secret_key").read_bytes() == (site / "secret_key").read_bytes()
    # The restored site works: the command line reads it.
    check = cronica(fresh, "import", "wxr", str(WXR), "--no-progress", "--no-download")
    assert "left unchanged: 4 posts, 7 comments" in check.stdout

    again = cronica(fresh, "restore", str(archive))
    assert again.returncode != 0 and "--force" in again.stderr
    forced = cronica(fresh, "restore", str(archive), "--force")
    assert forced.returncode == 0, forced.stderr
    assert query(restored, "SELECT count(*) FROM comments_comment") == [(7,)]


def test_backup_never_overwrites(site, tmp_path):
    existing = tmp_path / "exists.tar"
    existing.write_bytes(b"keep me")
    result = cronica(site, "backup", str(existing))
    assert result.returncode != 0 and "exists already" in result.stderr
    assert existing.read_bytes() == b"keep me"


def tar_with(path, members):
    with tarfile.open(path, "w") as tar:
        for info, data in members:
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def file_member(name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    return info, data


MANIFEST = b'{"format": 1, "engine": "sqlite", "created_at": "2026-01-01T00:00:00+00:00"}'


def symlink_member(name, target):
    info = tarfile.TarInfo(name)
    info.type = tarfile.SYMTYPE
    info.linkname = target
    return info, None


@pytest.mark.parametrize(
    "members, message",
    [
        (
            [file_member("manifest.json", MANIFEST), file_member("../escaped.txt", b"x")],
            "unsafe path",
        ),
        (
            [file_member("manifest.json", MANIFEST), file_member("/etc/cron.d/evil", b"x")],
            "unsafe path",
        ),
        (
            [file_member("manifest.json", MANIFEST), symlink_member("media/link", "/etc/passwd")],
            "link or device",
        ),
        (
            [file_member("manifest.json", MANIFEST), file_member("other/file", b"x")],
            "not part of a cronica backup",
        ),
        ([file_member("media/x.jpg", b"x")], "no readable manifest.json"),
        ([file_member("manifest.json", b'{"format": 99}')], "format 99 is not supported"),
        (
            [
                file_member("manifest.json", MANIFEST),
                file_member("database/db.sqlite3", b"SQLite format 3\x00 garbage"),
            ],
            "database in the archive is damaged",
        ),
    ],
)
def test_bad_archives_are_refused_and_change_nothing(tmp_path, members, message):
    target = tmp_path / "target"
    (target / "media").mkdir(parents=True)
    (target / "media" / "kept.jpg").write_bytes(b"kept")
    archive = tar_with(tmp_path / "bad.tar", members)
    result = cronica(target, "restore", str(archive))
    assert result.returncode != 0
    assert message in result.stderr
    assert not (tmp_path / "escaped.txt").exists()
    assert [p.name for p in (target / "media").iterdir()] == ["kept.jpg"]
    assert not (target / "tips").exists() or not any((target / "tips").glob("*.age"))
    assert not any(p.name.startswith(".restore-") for p in target.iterdir())


def test_not_a_tar_file(tmp_path):
    junk = tmp_path / "junk.tar"
    junk.write_bytes(b"this is not an archive" * 100)
    result = cronica(tmp_path, "restore", str(junk))
    assert result.returncode != 0 and "not a tar archive" in result.stderr


@pytest.mark.postgres_only
def test_postgresql_backup_and_restore(tmp_path):
    base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    names = [f"cronica_backup_{uuid.uuid4().hex[:8]}_{side}" for side in ("a", "b")]
    admin = os.environ["DATABASE_URL"]
    for name in names:
        subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True)
    try:
        source, target = (f"{base}/{name}" for name in names)
        for args in (("migrate", "--noinput"), ("import", "wxr", str(WXR), "--no-download")):
            result = cronica(tmp_path / "a", *args, database_url=source)
            assert result.returncode == 0, result.stderr
        archive = tmp_path / "pg.tar"
        result = cronica(tmp_path / "a", "backup", str(archive), database_url=source)
        assert result.returncode == 0, result.stderr
        with tarfile.open(archive) as tar:
            assert "database/postgresql.dump" in tar.getnames()
        result = cronica(tmp_path / "b", "restore", str(archive), database_url=target)
        assert result.returncode == 0, result.stderr
        count = subprocess.run(
            ["psql", target, "-tAc", "SELECT count(*) FROM comments_comment"],
            capture_output=True,
            text=True,
            check=True,
        )
        assert count.stdout.strip() == "7"
        sqlite_site = cronica(tmp_path / "c", "restore", str(archive))
        assert sqlite_site.returncode != 0 and "postgresql database" in sqlite_site.stderr
    finally:
        for name in names:
            subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name}"])
