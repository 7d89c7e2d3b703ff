"""Settings for the test suite: the production settings, with a throw-away data
directory, background tasks run immediately and a fast password hasher."""

import os
import tempfile

os.environ.setdefault("CRONICA_DATA_DIR", tempfile.mkdtemp(prefix="cronica-test-"))

from .core import datadir  # noqa: E402

datadir.prepare()  # what `cronica` does before every command

from .settings import *  # noqa: E402,F403
from .settings import DATABASES  # noqa: E402

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Separate runs (two developers, or SQLite and PostgreSQL side by side) must not share a
# PostgreSQL test database.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("TEST", {}).setdefault("NAME", f"test_cronica_{os.getpid()}")
# One process: the flood limits share the default local-memory cache, so fixtures that
# clear the cache clear the counters too.
CACHES["ratelimit"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}  # noqa: F405
# The test client comes from 127.0.0.1; tests of shared addresses say so themselves.
CRONICA_SHARED_ADDRESS = "never"
