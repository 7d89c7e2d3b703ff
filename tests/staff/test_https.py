"""Cookies and HSTS: with an https public address the session and CSRF cookies are
Secure, HttpOnly and SameSite, and responses over HTTPS carry HSTS; with a plain-HTTP
address (the onion service) they are not forced."""

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.django_db


def _settings_for(site_url):
    code = (
        "import json, cronica.settings as s; print(json.dumps([s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_HTTPONLY, "
        "s.CSRF_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE]))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRONICA_")}
    env.update(CRONICA_SITE_URL=site_url, CRONICA_DATA_DIR=os.environ["CRONICA_DATA_DIR"])
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_settings_follow_the_public_address():
    assert _settings_for("https://news.example.org") == [True, True, 31536000, True, True, "Lax"]
    assert _settings_for("http://abcdefgh.onion") == [False, False, 0, True, True, "Lax"]


def test_cookies_and_hsts_over_https(client, editor, settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_HSTS_SECONDS = 31536000
    page = client.get("/admin/login/", secure=True)
    assert page.headers["Strict-Transport-Security"] == "max-age=31536000"
    csrf = page.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    response = client.post(
        "/admin/login/",
        {"username": editor.username, "password": "correct horse battery staple 9"},
        secure=True,
    )
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    # A public page read over HTTPS sets no cookie at all (docs/invariants.md, invariant 6).
    client.cookies.clear()
    assert not client.get("/en/", secure=True).cookies
