"""Two-factor sign-in and the recipient re-check in the real Chromium against the live
server: what an editor does on first sign-in, and what adding a tip recipient asks."""

import re
import time

import pyrage
import pytest
from django.contrib.sessions.backends.db import SessionStore

from cronica.audit.models import Entry
from cronica.staff import sessions
from cronica.tips.models import Recipient

from .conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, username):
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def _enrol(page, totp_code):
    page.wait_for_url(re.compile(r"/admin/staff/2fa/enrol/"))
    assert page.locator("figure.staff-qr svg").is_visible()
    secret = page.locator("#totp-secret").inner_text()
    page.fill("input[name=code]", totp_code(secret))
    page.click("form.login-form button[type=submit]")
    page.wait_for_selector("ul.recovery-codes")
    assert page.locator("ul.recovery-codes li").count() == 10
    page.click("text=I have saved them, continue")
    page.wait_for_url(re.compile(r"/admin/$"))
    return secret


def test_enrol_then_sign_in_again_with_the_app(page, live_server, editor, totp_code):
    _sign_in(page, editor.username)
    secret = _enrol(page, totp_code)
    assert page.locator("main").is_visible()
    assert page.requests.foreign() == []  # the QR code is drawn by the site itself

    page.context.clear_cookies()
    _sign_in(page, editor.username)
    page.wait_for_url(re.compile(r"/admin/staff/2fa/verify/"))
    page.fill("input[name=code]", totp_code(secret, steps=1))
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def test_adding_a_recipient_asks_for_a_fresh_code_and_is_announced(
    page, live_server, home, totp_code
):
    from django.contrib.auth.models import User

    User.objects.create_superuser("chief", "chief@example.org", PASSWORD)
    _sign_in(page, "chief")
    secret = _enrol(page, totp_code)
    # Minutes later: the check made at sign-in is no longer fresh.
    key = next(c for c in page.context.cookies() if c["name"] == "sessionid")["value"]
    store = SessionStore(session_key=key)
    store[sessions.SECOND_FACTOR_AT] = int(time.time()) - 3600
    store.save()

    page.goto("/admin/snippets/tips/recipient/add/")
    page.wait_for_url(re.compile(r"/admin/staff/2fa/verify/"))
    assert page.locator("h1").inner_text() == "Confirm it is you"
    page.fill("input[name=code]", totp_code(secret, steps=1))
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/snippets/tips/recipient/add/$"))
    public_key = str(pyrage.x25519.Identity.generate().to_public())
    page.fill("input[name=name]", "Lucía")
    page.fill("input[name=public_key]", public_key)
    page.click("button[type=submit]:has-text('Save')")
    page.wait_for_url(re.compile(r"/admin/snippets/tips/recipient/$"))
    assert Recipient.objects.get().public_key == public_key
    assert Entry.objects.filter(action="tips.recipient_added", actor_name="chief").exists()

    page.goto("/admin/tips/")
    notice = page.locator(".recipient-notices li").first.inner_text()
    assert re.match(r"Tip recipient Lucía \(age1\w+…\w+\) added by chief at ", notice)
