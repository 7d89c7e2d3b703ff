"""Fixtures for the tip line: a journalist identity made like `cronica tips keygen` would,
the tip line opened to it, cheap Argon2 parameters (the cost is a setting, not the code),
and helpers that drive the real views through Django's test client."""

import io
import re
import subprocess

import pytest

from tests.scrubbing import crafted


@pytest.fixture
def client():
    """Django's test client posting like a browser on this site's own pages: every
    browser that sources use sends Sec-Fetch-Site, and the tip forms require it
    (cronica/core/origin.py)."""
    from django.test import Client

    return Client(headers={"Sec-Fetch-Site": "same-origin"})


@pytest.fixture
def journalist(tmp_path):
    """An age identity file on the 'journalist's machine' and its recipient."""
    key = tmp_path / "journalist.key"
    subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True)
    recipient = re.search(r"public key: (age1\w+)", key.read_text()).group(1)
    return {"key": key, "recipient": recipient}


@pytest.fixture
def tipline(settings, tmp_path, journalist, home):
    from django.core.cache import cache

    cache.clear()  # flood-limit counters live in the cache; each test starts fresh
    settings.CRONICA_TIPS_RECIPIENTS = [journalist["recipient"]]
    settings.CRONICA_TIPS_ARGON2 = {"time_cost": 1, "memory_cost": 8192}
    settings.CRONICA_TIPS_ROOT = settings.DATA_DIR / f"tips-{tmp_path.name}"
    return settings.CRONICA_TIPS_ROOT


def gps_jpeg(path):
    """A phone photo with GPS, camera, author, XMP and a thumbnail (the one the scrubbing
    tests use, tests/scrubbing/crafted.py); returns its path."""
    crafted.gps_jpeg(path)
    return path


def exif_of(path):
    out = subprocess.run(
        ["exiftool", "-a", "-G1", "-s", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return out


def start(client, language="en"):
    """GET the first-tip page; returns (codename, hidden fields)."""
    html = client.get(f"/{language}/tips/new/").content.decode()
    fields = dict(re.findall(r'name="(codename_shown|codename_signature)" value="([^"]*)"', html))
    return fields["codename_shown"], fields


def send_first(client, message="", files=(), links="", language="en", typed=None):
    codename, fields = start(client, language)
    data = {
        "mode": "new",
        **fields,
        "codename": typed if typed is not None else codename,
        "message": message,
        "links": links,
    }
    if files:
        data["files"] = [
            io.BytesIO(content) if isinstance(content, bytes) else content for content in files
        ]
    response = client.post(f"/{language}/tips/send/", data)
    return codename, response


def token_of(response):
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)
