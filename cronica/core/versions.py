"""Version tokens that every process of the site sees, for keys of rendered fragments.

A rendered fragment (an article's body, a comment thread) is stored in Django's default
cache under a key that includes the version of what it shows; a change replaces the
version, so the next render misses and later readers never see the old fragment. The
default cache is local memory in the embedded default, one copy per process, so the
versions cannot live there: a bump made by the worker or another gunicorn process
would not reach them. They live in the ``pages`` alias, the store the page cache already
shares between processes (files under the data directory, or Redis). ``cronica
restore`` clears that store, so every fragment is rendered afresh after a restore.

A version is a random token, never a counter: a version lost from the store (culled,
expired, cleared) is replaced by a new one and can never name an old fragment again.
Read a version before reading the data it covers; ``bump`` replaces it again after the
change commits, so a render that raced with the change stored its fragment under a
version no later render reads.
"""

import uuid
from typing import Any

from django.core.cache import caches
from django.db import transaction

PREFIX = "version:"


def _store() -> Any:
    return caches["pages"]


def current(name: str) -> str:
    """The version of ``name``; a new one when none is stored."""
    store = _store()
    key = PREFIX + name
    version = store.get(key)
    if version is None:
        store.add(key, uuid.uuid4().hex, timeout=None)
        version = store.get(key) or uuid.uuid4().hex
    return str(version)


def bump(name: str) -> None:
    """Replaces the version of ``name`` now, so this transaction's own later renders see
    the change, and again when the transaction commits, so a render elsewhere that read
    the old data in between keeps its fragment under a version nobody asks for."""
    store = _store()
    if transaction.get_connection().in_atomic_block:
        store.set(PREFIX + name, uuid.uuid4().hex, timeout=None)
    transaction.on_commit(lambda: store.set(PREFIX + name, uuid.uuid4().hex, timeout=None))
