"""Two-factor sign-in through the real admin views: enrolment forced on first sign-in, the
code asked on every later one, recovery codes that work once, and a password alone never
reaching any admin page."""

import re

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cronica.audit.models import Entry

from .conftest import secret_on, sign_in

pytestmark = pytest.mark.django_db


def _let_throttle_pass(user):
    from datetime import timedelta

    from django.utils import timezone
    from django_otp.plugins.otp_static.models import StaticDevice

    past = timezone.now() - timedelta(hours=1)
    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user=user).update(throttling_failure_timestamp=past)


def _enrol(client, editor, totp_code):
    response = sign_in(client, editor.username)
    assert response.status_code == 302
    enrol = client.get(response.url, follow=True)
    html = enrol.content.decode()
    assert enrol.redirect_chain[-1][0].startswith("/admin/staff/2fa/enrol/")
    secret = secret_on(html)
    done = client.post(enrol.redirect_chain[-1][0], {"code": totp_code(secret), "next": "/admin/"})
    return secret, done


def test_first_sign_in_enrols_an_authenticator_and_shows_recovery_codes(client, editor, totp_code):
    response = sign_in(client, editor.username)
    # The password is right, but the admin is not reachable yet: enrolment comes first.
    assert client.get("/admin/").url.startswith("/admin/staff/2fa/enrol/")
    enrol = client.get("/admin/staff/2fa/enrol/?next=/admin/pages/").content.decode()
    assert "<svg" in enrol and "http" not in enrol.split("<svg", 1)[1].split("</svg>", 1)[0]
    secret = secret_on(enrol)
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed and device.config_url.startswith("otpauth://totp/")

    wrong = client.post("/admin/staff/2fa/enrol/", {"code": "000000", "next": "/admin/"})
    assert "not the current one" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    # django-otp makes the next try wait (1 s, doubling); let that time pass.
    _let_throttle_pass(editor)

    done = client.post("/admin/staff/2fa/enrol/", {"code": totp_code(secret), "next": "/admin/"})
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.values_list("token", flat=True))
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert client.get("/admin/").status_code == 200
    assert Entry.objects.filter(action="staff.2fa_enrolled", actor=editor).exists()
    assert response.status_code == 302


def test_later_sign_ins_ask_for_the_current_code(client, editor, totp_code):
    secret, _ = _enrol(client, editor, totp_code)
    client.post("/admin/logout/")
    assert client.get("/admin/").url.startswith("/admin/login/")

    sign_in(client, editor.username, next_url="/admin/pages/")
    verify = client.get("/admin/pages/")
    assert verify.url.startswith("/admin/staff/2fa/verify/")
    assert "next=%2Fadmin%2Fpages%2F" in verify.url
    refused = client.post(verify.url, {"code": "123456"})
    assert "not accepted" in refused.content.decode()
    assert client.get("/admin/pages/").status_code == 302
    # The code used at enrolment cannot be replayed; the app's next one works.
    _let_throttle_pass(editor)
    replay = client.post(verify.url, {"code": totp_code(secret)})
    assert replay.status_code == 200
    _let_throttle_pass(editor)
    accepted = client.post(verify.url, {"code": totp_code(secret, steps=1)})
    assert accepted.status_code == 302 and accepted.url == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_recovery_code_signs_in_once(client, editor, totp_code):
    _, done = _enrol(client, editor, totp_code)
    code = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())[0]
    for attempt in range(2):
        client.post("/admin/logout/")
        sign_in(client, editor.username)
        response = client.post(
            "/admin/staff/2fa/verify/", {"code": code.upper(), "next": "/admin/"}
        )
        if attempt == 0:
            assert response.status_code == 302 and response.url == "/admin/"
            assert client.get("/admin/").status_code == 200
        else:
            assert response.status_code == 200  # used up
            assert "wait a little longer" in response.content.decode()
            assert client.get("/admin/").status_code == 302
    assert StaticToken.objects.filter(device__user=editor).count() == 9
    assert Entry.objects.filter(action="staff.recovery_code_used", detail="9 left").exists()


def test_a_password_alone_is_anonymous_outside_the_admin(client, editor, home):
    """Half signed in, the session grants nothing anywhere: admin views send it to the
    second-factor page, other views see no user (so no previews, no private files)."""
    sign_in(client, editor.username)
    for path in ("/admin/pages/", "/admin/tips/", "/admin/snippets/tips/recipient/"):
        assert client.get(path).url.startswith("/admin/staff/2fa/enrol/")
    # The login page itself treats the half-signed-in user as anonymous and shows the form.
    assert 'name="password"' in client.get("/admin/login/").content.decode()


def test_break_glass_commands(client, editor, totp_code):
    import io

    from django.core.management import call_command

    _enrol(client, editor, totp_code)
    out = io.StringIO()
    call_command("staff", "recovery-codes", editor.username, stdout=out)
    codes = out.getvalue().split()
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.values_list("token", flat=True))
    call_command("staff", "reset-2fa", editor.username, stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(user=editor).exists()
    client.post("/admin/logout/")
    sign_in(client, editor.username)
    assert client.get("/admin/").url.startswith("/admin/staff/2fa/enrol/")
    assert list(
        Entry.objects.filter(actor=None).order_by("pk").values_list("action", "actor_name")
    ) == [
        ("staff.recovery_codes_issued", "(command line)"),
        ("staff.2fa_reset", "(command line)"),
    ]


def test_a_user_replaces_their_own_recovery_codes_after_a_fresh_code(
    client, editor, staff_login, totp_code
):
    import time

    from cronica.staff import sessions

    device = staff_login(client, editor)
    assert "/admin/staff/2fa/recovery-codes/" in client.get("/admin/account/").content.decode()
    session = client.session
    session[sessions.SECOND_FACTOR_AT] = int(time.time()) - 3600
    session.save()
    asked = client.post("/admin/staff/2fa/recovery-codes/")
    assert asked.url.startswith("/admin/staff/2fa/verify/")
    assert not StaticToken.objects.exists()
    client.post(asked.url, {"code": totp_code(device)})
    done = client.post("/admin/staff/2fa/recovery-codes/")
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())
    assert sorted(codes) == sorted(StaticToken.objects.values_list("token", flat=True))
    assert len(codes) == 10
    assert Entry.objects.filter(action="staff.recovery_codes_issued", actor=editor).exists()
