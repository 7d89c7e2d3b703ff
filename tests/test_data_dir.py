"""The data directory: created by `cronica` (never by importing the settings), for its
owner only, with the reader key separate from the secret key (docs/security.md)."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _env(data_dir, **extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("CRONICA_") and k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")
    }
    env.update(CRONICA_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="cronica.settings")
    env.update(extra)
    return env


def cronica(data_dir, *args, **extra):
    return subprocess.run(
        [sys.executable, "-m", "cronica.cli", *args],
        env=_env(data_dir, **extra),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_importing_the_settings_creates_nothing(tmp_path):
    data_dir = tmp_path / "data"
    script = "import cronica.settings"
    with_keys = subprocess.run(
        [sys.executable, "-c", script],
        env=_env(data_dir, CRONICA_SECRET_KEY="s" * 50, CRONICA_READER_KEY="r" * 50),
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert with_keys.returncode == 0, with_keys.stderr
    without = subprocess.run(
        [sys.executable, "-c", script], env=_env(data_dir), cwd=REPO, capture_output=True, text=True
    )
    assert without.returncode != 0 and "cronica init" in without.stderr
    assert not data_dir.exists()


def test_everything_in_the_data_directory_is_for_its_owner_only(tmp_path):
    data_dir = tmp_path / "data"
    os.umask(0o022)  # a permissive login shell; cronica must not rely on it
    assert cronica(data_dir, "init").returncode == 0
    result = cronica(data_dir, "migrate", "--noinput")
    assert result.returncode == 0, result.stderr
    upload = (
        "from django.core.files.base import ContentFile\n"
        "from django.core.files.storage import default_storage\n"
        "default_storage.save('original_images/2026/probe.txt', ContentFile(b'x'))\n"
        "from cronica.tips.streaming import encrypt_bytes\n"
        "import pyrage\n"
        "encrypt_bytes(b'tip', [pyrage.x25519.Identity.generate().to_public()])\n"
    )
    result = cronica(data_dir, "shell", "-c", upload)
    assert result.returncode == 0, result.stderr
    result = cronica(data_dir, "backup", str(data_dir / "site-backup.tar"))
    assert result.returncode == 0, result.stderr
    paths = [data_dir, *data_dir.rglob("*")]
    kinds = {p.relative_to(data_dir).as_posix() for p in paths[1:] if p.is_file()}
    assert {"db.sqlite3", "secret_key", "reader_key", "original_images/2026/probe.txt"} <= {
        k.removeprefix("media/") for k in kinds
    }
    assert any(k.startswith("tips/") and k.endswith(".age") for k in kinds)
    for path in paths:
        if path.is_symlink():
            continue
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"


@pytest.mark.parametrize("older_site", [True, False])
def test_reader_key_is_its_own(tmp_path, older_site):
    data_dir = tmp_path / "data"
    if older_site:  # a site from before the reader key: its hashes used the secret key
        data_dir.mkdir()
        (data_dir / "secret_key").write_text("old-secret-key-value")
    assert cronica(data_dir, "init").returncode == 0
    reader_key = (data_dir / "reader_key").read_text()
    secret_key = (data_dir / "secret_key").read_text()
    assert (reader_key == secret_key) is older_site
    # Rotating the secret key leaves the reader key (and so every blocked reader) alone.
    (data_dir / "secret_key").unlink()
    assert cronica(data_dir, "init").returncode == 0
    assert (data_dir / "secret_key").read_text() != secret_key
    assert (data_dir / "reader_key").read_text() == reader_key


def test_an_older_site_is_tightened_and_nothing_else_is_touched(tmp_path):
    data_dir = tmp_path / "data"
    (data_dir / "media").mkdir(parents=True, mode=0o755)
    (data_dir / "db.sqlite3").write_bytes(b"")
    (data_dir / "db.sqlite3").chmod(0o644)
    (data_dir / "operator-notes.sh").write_text("#!/bin/sh\n")
    (data_dir / "operator-notes.sh").chmod(0o755)
    assert cronica(data_dir, "init").returncode == 0
    assert stat.S_IMODE((data_dir / "media").stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "db.sqlite3").stat().st_mode) == 0o600
    assert stat.S_IMODE((data_dir / "operator-notes.sh").stat().st_mode) == 0o755
