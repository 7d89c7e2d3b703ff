"""``cronica backup [FILE]``: a consistent snapshot of the site in one tar file.

The tar holds ``manifest.json``, the database (``database/db.sqlite3`` taken with
SQLite's online backup API, or ``database/postgresql.dump`` from ``pg_dump``), the
uploaded media (``media/``), the encrypted tips (``tips/``, ciphertext only; blobs still
being written are left out) and the site's ``secret_key``. It runs while the site
serves: the database is snapshotted first, then the files are copied, so every file the
snapshot refers to is in the archive (a file created later is simply not referred to).
The archive is written under a temporary name with mode 0600 and renamed when complete:
it holds everything the server knows, so it must be kept like the server itself.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from cronica.core.datadir import KEY_FILES

FORMAT = 1
SQLITE_MEMBER = "database/db.sqlite3"
POSTGRES_MEMBER = "database/postgresql.dump"
MANIFEST = "manifest.json"
# The directories a backup carries, by their name in the archive.
TREES = {
    "media": lambda: Path(settings.MEDIA_ROOT),
    "tips": lambda: Path(getattr(settings, "CRONICA_TIPS_ROOT", settings.DATA_DIR / "tips")),
}
PARTIAL_SUFFIXES = (".part",)


def database_engine() -> str:
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith("postgresql"):
        return "postgresql"
    raise CommandError(f"backups support SQLite and PostgreSQL, not {engine}")


def postgres_env() -> dict[str, str]:
    """libpq's environment for the configured database: the password never appears on a
    command line, where any local user could read it."""
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    for key, name in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if db.get(key):
            env[name] = str(db[key])
    return env


def postgres_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise CommandError(
            f"{name} not found: install PostgreSQL's client tools "
            "(apt-get install postgresql-client) of the server's version"
        )
    return path


def snapshot_sqlite(target: Path) -> None:
    source_path = Path(settings.DATABASES["default"]["NAME"])
    if not source_path.exists():
        raise CommandError(f"no database at {source_path}: nothing to back up")
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)  # all pages in one step: one consistent read snapshot
        destination.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
    finally:
        destination.close()
        source.close()


def snapshot_postgres(target: Path) -> None:
    result = subprocess.run(
        [
            postgres_tool("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "--file",
            str(target),
        ],
        env=postgres_env(),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise CommandError(f"pg_dump failed: {result.stderr.strip()}")


def add_tree(tar: tarfile.TarFile, root: Path, arcname: str) -> int:
    """Adds the files under ``root``, and its directories with their modes (the tips
    directory is private to the server's user); files that vanish while being copied (a
    deletion the site made meanwhile) are skipped, half-written tip blobs never included."""
    count = 0
    if not root.exists():
        return count
    for directory, subdirs, files in os.walk(root):
        subdirs.sort()
        relative = Path(directory).relative_to(root).as_posix()
        tar.add(
            directory,
            arcname=arcname if relative == "." else f"{arcname}/{relative}",
            recursive=False,
        )
        for name in sorted(files):
            if name.endswith(PARTIAL_SUFFIXES):
                continue
            path = Path(directory) / name
            try:
                tar.add(
                    path, arcname=f"{arcname}/{path.relative_to(root).as_posix()}", recursive=False
                )
            except FileNotFoundError:
                continue
            count += 1
    return count


def default_name() -> str:
    return f"cronica-backup-{datetime.now(UTC):%Y%m%d-%H%M%S}.tar"


class Command(BaseCommand):
    help = (
        "Write a consistent snapshot of the database, media and encrypted tips to one "
        "tar file, while the site keeps running."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file",
            nargs="?",
            help="the tar file to write (default: cronica-backup-<UTC time>.tar "
            "in the current directory); never overwritten",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        target = Path(options["file"] or default_name()).resolve()
        if target.exists():
            raise CommandError(f"{target} exists already; choose another name")
        if not target.parent.is_dir():
            raise CommandError(f"{target.parent} is not a directory")
        if not settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
            self.stderr.write(
                "Media are not stored on this machine (S3): back them up with "
                "the storage provider's tools; this archive has none."
            )
        engine = database_engine()
        partial = target.with_name(f".{target.name}.partial")
        with tempfile.TemporaryDirectory(prefix=".backup-", dir=settings.DATA_DIR) as work:
            database = Path(work) / "database"
            (snapshot_sqlite if engine == "sqlite" else snapshot_postgres)(database)
            manifest = {
                "format": FORMAT,
                "engine": engine,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            }
            manifest_path = Path(work) / MANIFEST
            manifest_path.write_text(json.dumps(manifest, indent=2))
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w") as tar:
                    tar.add(manifest_path, arcname=MANIFEST)
                    tar.add(
                        database, arcname=SQLITE_MEMBER if engine == "sqlite" else POSTGRES_MEMBER
                    )
                    counts = {name: add_tree(tar, root(), name) for name, root in TREES.items()}
                    for name in KEY_FILES:
                        key = Path(settings.DATA_DIR) / name
                        if key.exists():
                            tar.add(key, arcname=name)
                    tar.close()
                    raw.flush()
                    os.fsync(raw.fileno())
                os.replace(partial, target)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
        self.stdout.write(
            f"Backup written to {target}: {engine} database, "
            f"{counts['media']} media files, {counts['tips']} tip files."
        )
