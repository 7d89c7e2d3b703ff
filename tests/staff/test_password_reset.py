"""Password reset answers the same for known and unknown addresses, sends mail only to
the known one, and logs no user id even when sending fails."""

import logging
import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def _reset(client, email):
    page = client.get("/admin/password_reset/")
    assert page.status_code == 200
    return client.post("/admin/password_reset/", {"email": email})


def _normalised(response):
    """The page without its per-request CSRF tokens."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    return re.sub(r'"CSRF_TOKEN": "[^"]+"', "", html)


def test_known_and_unknown_addresses_get_the_same_answer(client, editor, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    known = _reset(client, editor.email)
    unknown = _reset(client, "nobody@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    assert known.headers.get("Set-Cookie") == unknown.headers.get("Set-Cookie")
    assert _normalised(client.get(known.url)) == _normalised(client.get(unknown.url))
    # The background task (run at once in tests) mailed the known address only, with a
    # link on the site's configured address, not on the request's Host header.
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert settings.SITE_URL.split("://")[1] in mail.outbox[0].body
    assert _reset(client, editor.email.upper()).status_code == 302  # any case, same account
    assert len(mail.outbox) == 2


def test_the_queued_task_holds_no_address(client, editor, settings):
    """With the shipped database task backend, the queued row keeps a keyed hash only."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    _reset(client, editor.email)
    _reset(client, "nobody@example.org")
    rows = [str(r.args_kwargs) for r in DBTaskResult.objects.all()]
    assert len(rows) == 2
    for row in rows:
        assert "@example.org" not in row and "ines" not in row


def test_a_failed_send_logs_no_user_id(client, editor, settings, caplog):
    settings.EMAIL_BACKEND = "tests.staff.failing_mail.Backend"
    with caplog.at_level(logging.DEBUG):
        response = _reset(client, editor.email)
    assert response.status_code == 302
    messages = [r.getMessage() for r in caplog.records]
    assert "A password reset email could not be sent." in messages
    assert not any("Failed to send password reset" in m for m in messages)  # Django's
    for record in caplog.records:
        assert editor.pk not in (record.args or ())
        text = record.getMessage() + str(record.exc_info or "")
        assert editor.email not in text and editor.username not in text
