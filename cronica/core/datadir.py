"""The data directory and its keys, made by an explicit step, never on import.

``cronica`` runs ``prepare()`` before any command (``serve``, ``migrate``, ``init``...), so
the README's two commands still work on an empty directory, while importing the settings
(a test, a WSGI server started by hand) creates nothing. Everything is created for its
owner only: directories 0700, files 0600, and the process umask 077 covers what Django,
SQLite and the tip line write afterwards (docs/security.md, "Addresses, times and sizes").
"""

import os
import secrets
from pathlib import Path

UMASK = 0o077
SECRET_KEY_FILE = "secret_key"
READER_KEY_FILE = "reader_key"
KEY_FILES = (SECRET_KEY_FILE, READER_KEY_FILE)
OWNED_FOLDERS = ("static", "media", "tips")


def data_dir() -> Path:
    return Path(os.environ.get("CRONICA_DATA_DIR", "var")).resolve()


def read_key(name: str) -> str | None:
    """The key kept in the data directory, or None when ``prepare`` has not run."""
    try:
        return (data_dir() / name).read_text().strip() or None
    except FileNotFoundError:
        return None


def _write_key(path: Path, value: str | None = None) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "w") as f:
        f.write(value or secrets.token_urlsafe(50))


def prepare() -> Path:
    """Create the data directory, its folders and its keys, owner-only; tighten what an
    earlier version left readable by others."""
    os.umask(UMASK)
    root = data_dir()
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    for sub in OWNED_FOLDERS:
        (root / sub).mkdir(exist_ok=True, mode=0o700)
    # A site from before the reader key existed hashed reader tokens with its secret key:
    # the reader key starts as that value, so no blocked reader is unblocked by the upgrade.
    _write_key(root / READER_KEY_FILE, read_key(SECRET_KEY_FILE))
    _write_key(root / SECRET_KEY_FILE)
    # Only what cronica itself keeps there: the directory may be shared with other files.
    owned = [root / name for name in (*OWNED_FOLDERS, *KEY_FILES)]
    owned += [p for p in root.glob("db.sqlite3*") if p.is_file()]
    for path in [root, *owned]:
        if path.exists() and not path.is_symlink():
            path.chmod(0o700 if path.is_dir() else 0o600)
    return root
