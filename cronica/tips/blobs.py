"""Ciphertext on disk: random names, written atomically, times blurred to the hour.

Each blob is written to ``<tips root>/incoming/<random>.part`` (mode 0600) holding only
ciphertext, fsynced, then renamed to ``incoming/<random>.age``: a reader never sees a
half-written blob, and a blob whose submission got a success response survives a crash.

No program can set a file's inode change time or birth time, and both would tell when
each upload started and ended. So blobs are settled in hourly batches (``settle``, run by
the worker): every blob committed in an earlier hour is copied, in random order, to a new
file ``<tips root>/<random>.age`` and the incoming one removed, so what stays on disk was
born and last changed when its batch settled. The access and modification times of every
blob and of both folders are set back to the start of the hour after each change, and each
blob's size is a Padmé bucket (see ``streaming``). docs/security.md says what remains.
"""

import os
import random
import secrets
import shutil
from pathlib import Path

from django.conf import settings

from .timing import blur_mtime, this_hour


def root() -> Path:
    path = Path(getattr(settings, "CRONICA_TIPS_ROOT", settings.DATA_DIR / "tips"))
    (path / "incoming").mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def path_of(name: str) -> Path:
    """Where blob ``name`` is: settled, or still in ``incoming`` during its first hour."""
    if not name or "/" in name or name.startswith("."):
        raise ValueError("bad blob name")
    settled = root() / f"{name}.age"
    if settled.exists():
        return settled
    incoming = root() / "incoming" / f"{name}.age"
    return incoming if incoming.exists() else settled


class BlobWriter:
    """A write-only file for one blob; ``commit()`` publishes it, ``discard()`` drops it."""

    def __init__(self) -> None:
        self.name = secrets.token_hex(16)
        self._part = root() / "incoming" / f"{self.name}.part"
        fd = os.open(self._part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self.file = os.fdopen(fd, "wb")
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        return self.file.write(data)

    def flush(self) -> None:
        self.file.flush()

    def commit(self) -> str:
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        final = self._part.with_suffix(".age")
        os.replace(self._part, final)
        for path in (final, final.parent, final.parent.parent):
            blur_mtime(path)
        _fsync_dir(final.parent)
        return self.name

    def discard(self) -> None:
        if not self.file.closed:
            self.file.close()
        self._part.unlink(missing_ok=True)
        blur_mtime(self._part.parent)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def delete(name: str) -> None:
    path_of(name)  # checks the name
    for path in (root() / f"{name}.age", root() / "incoming" / f"{name}.age"):
        path.unlink(missing_ok=True)
        blur_mtime(path.parent)


def settle() -> int:
    """Move every blob committed before this hour out of ``incoming`` as a fresh copy (new
    inode: its birth and change times are now), in random order; returns how many."""
    base = root()
    hour = this_hour().timestamp()
    waiting = [p for p in (base / "incoming").glob("*.age") if p.stat().st_mtime < hour]
    random.shuffle(waiting)
    for source in waiting:
        target = base / source.name
        if not target.exists():
            copy = base / f".{source.stem}.settling"
            fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with open(source, "rb") as src, os.fdopen(fd, "wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
                dst.flush()
                os.fsync(dst.fileno())
            os.replace(copy, target)
            blur_mtime(target)
        source.unlink()
    if waiting:
        for folder in (base, base / "incoming"):
            blur_mtime(folder)
            _fsync_dir(folder)
    return len(waiting)


def sweep_incoming(older_than_seconds: float = 6 * 3600) -> None:
    """Remove .part files left by a crash mid-upload (ciphertext, but never acknowledged),
    and copies a crash interrupted while settling (their originals are still waiting)."""
    import time

    for copy in root().glob(".*.settling"):
        copy.unlink(missing_ok=True)
    limit = time.time() - older_than_seconds
    for part in (root() / "incoming").glob("*.part"):
        try:
            if part.stat().st_mtime < limit:
                part.unlink()
        except FileNotFoundError:
            pass
