"""A cache shared by every process of one site, kept in memory only: SQLite in a tmpfs.

Without Redis, Django's local-memory cache is private to each gunicorn worker, so a flood
limit of 5 lets 5 per worker through. Rate-limit counters and their daily HMAC key
(cronica/core/ratelimit.py) must instead be shared by all workers *and* never reach
persistent disk (the key would let anyone who later copies the disk re-link counters to
addresses). Django's database cache would put them on disk, its file cache has no atomic
increment; this backend keeps one small SQLite file in a tmpfs (``/dev/shm`` on Linux),
in a directory only the site's own account can open, and increments in one SQL statement.
A reboot empties it, which is what a cache and a day key should do.
"""

import os
import pickle
import random
import sqlite3
import stat
import threading
import time
from pathlib import Path
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.exceptions import ImproperlyConfigured

SCHEMA = "CREATE TABLE IF NOT EXISTS cache (key TEXT PRIMARY KEY, value, expires REAL)"
_LIVE = "(expires IS NULL OR expires > ?)"


def private_directory(path: str | Path) -> Path:
    """``path`` created 0700, refused unless it is a real directory owned by this account
    (a tmpfs is world-writable: another account could have made the name first)."""
    path = Path(path)
    try:
        path.mkdir(mode=0o700, parents=False)
    except FileExistsError:
        pass
    info = path.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise ImproperlyConfigured(f"{path} is not a private directory of this account")
    return path


class SharedMemoryCache(BaseCache):
    """``LOCATION`` is the directory (on a tmpfs) holding ``cache.sqlite3``."""

    def __init__(self, location: str, params: dict[str, Any]) -> None:
        super().__init__(params)
        self._dir = Path(location)
        self._local = threading.local()

    def _db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None or self._local.pid != os.getpid():  # a connection never crosses fork
            private_directory(self._dir)
            conn = sqlite3.connect(self._dir / "cache.sqlite3", timeout=10, isolation_level=None)
            conn.execute("PRAGMA synchronous=OFF")  # memory: nothing to make durable
            conn.execute(SCHEMA)
            self._local.conn, self._local.pid = conn, os.getpid()
        return conn

    @staticmethod
    def _dump(value: Any) -> int | bytes:
        return value if type(value) is int else pickle.dumps(value, pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def _load(value: int | bytes) -> Any:
        return value if isinstance(value, int) else pickle.loads(value)

    def _expiry(self, timeout: Any) -> float | None:
        return self.get_backend_timeout(timeout)

    def _maybe_cull(self, conn: sqlite3.Connection) -> None:
        if random.random() < 0.01:
            conn.execute("DELETE FROM cache WHERE expires <= ?", (time.time(),))

    def add(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        key = self.make_and_validate_key(key, version=version)
        conn = self._db()
        now = time.time()
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("DELETE FROM cache WHERE key = ? AND expires <= ?", (key, now))
            added = conn.execute(
                "INSERT OR IGNORE INTO cache VALUES (?, ?, ?)",
                (key, self._dump(value), self._expiry(timeout)),
            ).rowcount
        self._maybe_cull(conn)
        return bool(added)

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        key = self.make_and_validate_key(key, version=version)
        row = (
            self._db()
            .execute(f"SELECT value FROM cache WHERE key = ? AND {_LIVE}", (key, time.time()))
            .fetchone()
        )
        return default if row is None else self._load(row[0])

    def set(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        key = self.make_and_validate_key(key, version=version)
        conn = self._db()
        conn.execute(
            "INSERT OR REPLACE INTO cache VALUES (?, ?, ?)",
            (key, self._dump(value), self._expiry(timeout)),
        )
        self._maybe_cull(conn)

    def touch(self, key: str, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        return bool(
            self._db()
            .execute(
                f"UPDATE cache SET expires = ? WHERE key = ? AND {_LIVE}",
                (self._expiry(timeout), key, time.time()),
            )
            .rowcount
        )

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> int:
        """Atomic across processes: one UPDATE ... RETURNING."""
        key = self.make_and_validate_key(key, version=version)
        row = (
            self._db()
            .execute(
                f"UPDATE cache SET value = value + ? WHERE key = ? AND {_LIVE} "
                "AND typeof(value) = 'integer' RETURNING value",
                (delta, key, time.time()),
            )
            .fetchone()
        )
        if row is None:
            raise ValueError(f"Key '{key}' not found")
        return row[0]

    def delete(self, key: str, version: int | None = None) -> bool:
        key = self.make_and_validate_key(key, version=version)
        return bool(self._db().execute("DELETE FROM cache WHERE key = ?", (key,)).rowcount)

    def clear(self) -> None:
        self._db().execute("DELETE FROM cache")
