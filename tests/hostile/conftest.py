"""Fixtures for hostile-input tests: the tip line open to a journalist key, an editor in
the admin, and a check that an attack left nothing behind (no row, no blob, no media)."""

from pathlib import Path

import pyrage
import pytest


@pytest.fixture
def tipline(settings, tmp_path, home):
    from django.core.cache import cache

    cache.clear()  # flood counters live in the cache; every test starts with none
    identity = pyrage.x25519.Identity.generate()
    settings.CRONICA_TIPS_RECIPIENTS = [str(identity.to_public())]
    settings.CRONICA_TIPS_ARGON2 = {"time_cost": 1, "memory_cost": 8192}
    settings.CRONICA_TIPS_ROOT = Path(tmp_path) / "tips"
    return identity


def stored_tips(settings):
    """(sources, submissions, files, blobs on disk) the tip line keeps."""
    from cronica.tips.models import Source, StoredFile, Submission

    root = Path(settings.CRONICA_TIPS_ROOT)
    on_disk = [p for p in root.rglob("*") if p.is_file()] if root.exists() else []
    return (
        Source.objects.count(),
        Submission.objects.count(),
        StoredFile.objects.count(),
        len(on_disk),
    )


NOTHING = (0, 0, 0, 0)


@pytest.fixture(scope="module")
def site_env():
    """A migrated SQLite site with the demo loaded, for `cronica screen`/`extract` runs."""
    from .test_screen_command import sqlite_site_env

    return sqlite_site_env()
