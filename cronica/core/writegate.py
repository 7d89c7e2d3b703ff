"""Short write transactions that queue in the kernel, not in SQLite's busy handler.

SQLite has one write lock per database. A second ``BEGIN IMMEDIATE`` does not wait for it
to be released: SQLite's busy handler sleeps and retries, with sleeps growing to 100 ms,
so under a comment flood a writer that finds the lock taken sleeps far longer than the
transaction it waits for lasts (a comment and its reader take about a millisecond), and
the lock goes to whoever happens to retry first. ``write_transaction`` takes a lock of
its own first: a thread lock between the threads of one process, then ``flock`` on a
file beside the database between the processes of the site (gunicorn's workers, the task
worker). Waiters sleep in the kernel, wake the moment the holder is done, and hold
neither the GIL nor a database connection while they wait, so the page cache's threads
in the same process keep answering readers. The gate opens as soon as the commit is
done, before the transaction's commit hooks run (cache versions, page purges): the next
writer need not wait for work that no longer holds SQLite's lock.

On PostgreSQL (and inside a transaction already open) it is ``transaction.atomic()``:
row locks there let writers proceed side by side.
"""

import fcntl
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connections, transaction

_thread_lock = threading.Lock()
_files: dict[str, tuple[int, int]] = {}  # lock file path -> (pid that opened it, fd)


def lock_path(database_name: str) -> Path | None:
    """The lock file of an SQLite database file, or None for an in-memory database."""
    name = str(database_name)
    if name == ":memory:" or name.startswith("file:") or "mode=memory" in name:
        return None
    return Path(f"{name}-writegate")


def _fd(path: Path) -> int:
    """One descriptor per process: a descriptor inherited through fork would share its
    lock with the parent, so a process opens its own."""
    pid, fd = _files.get(str(path), (None, -1))
    if pid != os.getpid():
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        _files[str(path)] = (os.getpid(), fd)
    return fd


@contextmanager
def gate(path: Path | None) -> Iterator[Callable[[], None]]:
    """Held by one thread of one process at a time: the thread lock, then ``flock`` on
    ``path`` (None: the thread lock only, for an in-memory database). Gives a function
    that opens the gate before the block ends (once; the end of the block opens it
    otherwise)."""
    _thread_lock.acquire()
    held = True
    try:
        fd = _fd(path) if path else None
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
    except BaseException:
        _thread_lock.release()
        raise

    def open_gate() -> None:
        nonlocal held
        if held:
            held = False
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)
            _thread_lock.release()

    try:
        yield open_gate
    finally:
        open_gate()


@contextmanager
def write_transaction(using: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """``transaction.atomic(using)``, entered once this process and this site hold the
    write gate, on SQLite outside a transaction; plain ``atomic`` otherwise. The gate
    opens right after the commit (or the rollback), before the other commit hooks."""
    connection = connections[using]
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        with transaction.atomic(using=using):
            yield
        return
    path = lock_path(connection.settings_dict["NAME"])
    with gate(path) as open_gate, transaction.atomic(using=using):
        # The first hook registered, so the first to run once the commit is done.
        transaction.on_commit(open_gate, using=using)
        yield
