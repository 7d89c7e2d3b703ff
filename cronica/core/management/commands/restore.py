"""``cronica restore FILE``: puts back what ``cronica backup`` wrote.

The whole archive is checked before anything changes: its manifest, that every member is
a plain file or directory with a safe relative name in a place a backup writes, and that
the database in it is intact. Then the database is replaced (SQLite through the online
backup API, in one step, so a server still running sees either the old or the restored
data; PostgreSQL with ``pg_restore --clean``), and the media and tips directories are
swapped for the archive's with directory renames. A site that already holds data is only
overwritten with ``--force``.
"""

import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from cronica.core import pagecache
from cronica.core.datadir import KEY_FILES

from .backup import (
    FORMAT,
    MANIFEST,
    POSTGRES_MEMBER,
    SQLITE_MEMBER,
    TREES,
    database_engine,
    postgres_env,
    postgres_tool,
)

TOP_LEVEL_FILES = {MANIFEST, SQLITE_MEMBER, POSTGRES_MEMBER, *KEY_FILES}


def check_members(tar: tarfile.TarFile) -> list[tarfile.TarInfo]:
    """The archive's members, refused as a whole if any is not what a backup writes."""
    members = tar.getmembers()
    for member in members:
        path = PurePosixPath(member.name)
        if path.is_absolute() or ".." in path.parts or not member.name:
            raise CommandError(f"unsafe path in the archive: {member.name!r}")
        if not (member.isfile() or member.isdir()):
            raise CommandError(f"the archive holds a link or device: {member.name!r}")
        if (
            member.name not in TOP_LEVEL_FILES
            and path.parts[0] not in TREES
            and member.name != "database"
        ):
            raise CommandError(f"not part of a cronica backup: {member.name!r}")
    return members


def read_manifest(tar: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = tar.extractfile(MANIFEST)  # KeyError when absent
        if member is None:  # a directory of that name
            raise ValueError(MANIFEST)
        manifest = json.load(member)
    except (KeyError, ValueError):
        raise CommandError("no readable manifest.json: not a cronica backup") from None
    if manifest.get("format") != FORMAT:
        raise CommandError(
            f"backup format {manifest.get('format')!r} is not supported "
            f"(this version reads format {FORMAT})"
        )
    return manifest


def sqlite_is_intact(path: Path) -> bool:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            return (
                ok
                and db.execute(
                    "SELECT count(*) FROM sqlite_master WHERE name='django_migrations'"
                ).fetchone()[0]
                == 1
            )
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return False


def site_has_data() -> bool:
    try:
        with connection.cursor() as cursor:
            return "django_migrations" in connection.introspection.table_names(cursor)
    finally:
        connection.close()


def restore_sqlite(snapshot: Path) -> None:
    live_path = Path(settings.DATABASES["default"]["NAME"])
    source = sqlite3.connect(f"file:{snapshot}?mode=ro", uri=True)
    live = sqlite3.connect(live_path, timeout=30)
    try:
        source.backup(live)
    finally:
        live.close()
        source.close()


def restore_postgres(dump: Path) -> None:
    result = subprocess.run(
        [
            postgres_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            postgres_env()["PGDATABASE"],
            str(dump),
        ],
        env=postgres_env(),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise CommandError(f"pg_restore failed: {result.stderr.strip()}")


def swap_directory(new: Path, live: Path, attic: Path) -> None:
    """Puts ``new`` where ``live`` is; the old one goes to ``attic`` (deleted afterwards).
    A rename when both are on one file system, a copy when the tips live elsewhere."""
    live.parent.mkdir(parents=True, exist_ok=True)
    if live.exists():
        shutil.move(live, attic)
    shutil.move(new, live)


class Command(BaseCommand):
    help = "Restore the database, media and encrypted tips from a `cronica backup` file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="a tar file written by `cronica backup`")
        parser.add_argument(
            "--force", action="store_true", help="overwrite a site that already holds data"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source = Path(options["file"])
        if not source.is_file():
            raise CommandError(f"{source}: no such file")
        engine = database_engine()
        data_dir = Path(settings.DATA_DIR)
        try:
            tar = tarfile.open(source, mode="r:*")
        except tarfile.TarError as exc:
            raise CommandError(f"{source}: not a tar archive ({exc})") from None
        with tar, tempfile.TemporaryDirectory(prefix=".restore-", dir=data_dir) as work_dir:
            work = Path(work_dir)
            try:
                members = check_members(tar)
                manifest = read_manifest(tar)
            except tarfile.TarError as exc:
                raise CommandError(f"{source}: damaged archive ({exc})") from None
            if manifest.get("engine") != engine:
                raise CommandError(
                    f"the backup holds a {manifest.get('engine')} database but "
                    f"this site is configured for {engine}"
                )
            if site_has_data() and not options["force"]:
                raise CommandError(
                    "this site already holds data; run again with --force to "
                    "replace it with the backup"
                )
            try:
                tar.extractall(work / "new", members=members, filter="data")
            except (tarfile.TarError, OSError) as exc:
                raise CommandError(f"{source}: damaged archive ({exc})") from None
            new = work / "new"
            for member in members:  # tarfile's "data" filter leaves directory modes out
                if member.isdir():
                    (new / member.name).chmod(member.mode & 0o700)
            if engine == "sqlite":
                snapshot = new / SQLITE_MEMBER
                if not snapshot.is_file() or not sqlite_is_intact(snapshot):
                    raise CommandError(f"{source}: the database in the archive is damaged")
                restore_sqlite(snapshot)
            else:
                dump = new / POSTGRES_MEMBER
                if not dump.is_file():
                    raise CommandError(f"{source}: the archive holds no database dump")
                restore_postgres(dump)
            for name, root in TREES.items():
                (new / name).mkdir(exist_ok=True)
                swap_directory(new / name, root(), work / f"old-{name}")
            for name in KEY_FILES:
                if (new / name).is_file():
                    shutil.copy2(new / name, data_dir / name)
        # Stored pages show the data from before: drop them all (core/pagecache.py).
        pagecache.forget_all()
        self.stdout.write(
            f"Restored {source} (taken {manifest.get('created_at')}). Restart "
            "the site, and purge the front cache if there is one."
        )
