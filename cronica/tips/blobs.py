"""Ciphertext on disk: random names, written atomically, times blurred to the hour.

The access and modification times of every blob and of both folders are set back to the
start of the hour after each change, and each blob's size is a Padmé bucket (see
``streaming``). The inode change time cannot be set by any program; docs/security.md says
what it still tells.

Each blob is written to ``<tips root>/incoming/<random>.part`` (mode 0600) holding only
ciphertext, fsynced, then renamed into ``<tips root>/<random>.age``: a reader never sees a
half-written blob, and a blob whose submission got a success response survives a crash.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings

from .timing import blur_mtime


def root():
    path = Path(getattr(settings, "CRONICA_TIPS_ROOT", settings.DATA_DIR / "tips"))
    (path / "incoming").mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def path_of(name):
    if not name or "/" in name or name.startswith("."):
        raise ValueError("bad blob name")
    return root() / f"{name}.age"


class BlobWriter:
    """A write-only file for one blob; ``commit()`` publishes it, ``discard()`` drops it."""

    def __init__(self):
        self.name = secrets.token_hex(16)
        self._part = root() / "incoming" / f"{self.name}.part"
        fd = os.open(self._part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self.file = os.fdopen(fd, "wb")
        self.size = 0

    def write(self, data):
        self.size += len(data)
        return self.file.write(data)

    def flush(self):
        self.file.flush()

    def commit(self):
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        final = path_of(self.name)
        os.replace(self._part, final)
        for path in (final, final.parent, self._part.parent):
            blur_mtime(path)
        _fsync_dir(final.parent)
        return self.name

    def discard(self):
        if not self.file.closed:
            self.file.close()
        self._part.unlink(missing_ok=True)
        blur_mtime(self._part.parent)


def _fsync_dir(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def delete(name):
    path = path_of(name)
    path.unlink(missing_ok=True)
    blur_mtime(path.parent)


def sweep_incoming(older_than_seconds=6 * 3600):
    """Remove .part files left by a crash mid-upload (ciphertext, but never acknowledged)."""
    import time

    limit = time.time() - older_than_seconds
    for part in (root() / "incoming").glob("*.part"):
        try:
            if part.stat().st_mtime < limit:
                part.unlink()
        except FileNotFoundError:
            pass
