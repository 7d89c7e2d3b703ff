"""Per-account lockout: wrong passwords lock the account name, the right password is then
refused until the lock ends, and nothing about the client is kept."""

from datetime import timedelta

import pytest
from django.core import serializers
from django.utils import timezone

from cronica.staff.models import LoginThrottle

from .conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


def _end_lock():
    """As if the lockout period had passed."""
    LoginThrottle.objects.update(locked_until=timezone.now() - timedelta(seconds=1))


def test_wrong_passwords_lock_the_account_until_the_lock_ends(client, editor, settings):
    for _ in range(settings.CRONICA_STAFF_LOCKOUT_FAILURES):
        response = sign_in(client, editor.username, password="wrong password, again")
        assert response.status_code == 200  # the form again, no session
    right = sign_in(client, editor.username)
    assert right.status_code == 200
    assert "Too many failed sign-ins for this account" in right.content.decode()
    assert "_auth_user_id" not in client.session
    # Other spellings of the same name are the same account name.
    assert "Too many failed" in sign_in(client, " INES ").content.decode()

    _end_lock()
    after = sign_in(client, editor.username)
    assert after.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)
    assert not LoginThrottle.objects.exists()  # a right password clears the count


def test_failures_older_than_the_lockout_period_are_forgotten(client, editor, settings):
    for _ in range(settings.CRONICA_STAFF_LOCKOUT_FAILURES - 1):
        sign_in(client, editor.username, password="wrong password, again")
    # As if the last of them was longer ago than the lockout period.
    LoginThrottle.objects.update(
        last_failure=timezone.now() - timedelta(seconds=settings.CRONICA_STAFF_LOCKOUT_SECONDS + 1)
    )
    sign_in(client, editor.username, password="wrong password, again")
    assert LoginThrottle.objects.get().failures == 1  # counting starts again
    assert sign_in(client, editor.username).status_code == 302  # not locked


def test_names_that_are_not_accounts_lock_the_same_way(client, editor, settings):
    """Otherwise the lock message would tell which names are accounts."""
    for name in (editor.username, "nobody-here"):
        for _ in range(settings.CRONICA_STAFF_LOCKOUT_FAILURES):
            sign_in(client, name, password="nope nope nope")
        html = sign_in(client, name, password=PASSWORD).content.decode()
        assert "Too many failed sign-ins for this account" in html


def test_the_throttle_keeps_no_address_and_no_name(client, editor, settings):
    headers = {"HTTP_USER_AGENT": "Mozilla/5.0 Distinctive-Agent", "REMOTE_ADDR": "203.0.113.9"}
    for _ in range(3):
        client.post("/admin/login/", {"username": editor.username, "password": "bad"}, **headers)
    rows = serializers.serialize("json", LoginThrottle.objects.all())
    assert LoginThrottle.objects.get().failures == 3
    for clue in ("203.0.113.9", "Distinctive-Agent", editor.username):
        assert clue not in rows
    assert {f.name for f in LoginThrottle._meta.fields} == {
        "id",
        "key",
        "failures",
        "last_failure",
        "locked_until",
    }


def test_unlock_command_lifts_the_lock(client, editor, settings):
    import io

    from django.core.management import call_command

    for _ in range(settings.CRONICA_STAFF_LOCKOUT_FAILURES):
        sign_in(client, editor.username, password="wrong")
    locked = sign_in(client, editor.username)  # the right password, refused while locked
    assert "Too many failed sign-ins for this account" in locked.content.decode()
    call_command("staff", "unlock", editor.username, stdout=io.StringIO())
    assert sign_in(client, editor.username).status_code == 302
