"""Staff sessions end after an idle hour and after twelve hours in all (both settings),
whatever the browser does with its cookie."""

import time

import pytest

from cronica.staff import sessions

pytestmark = pytest.mark.django_db


def _age(client, **seconds_ago):
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


def test_idle_session_ends(client, editor, staff_login, settings):
    staff_login(client, editor)
    assert client.get("/admin/").status_code == 200
    _age(client, **{sessions.SEEN_AT: settings.CRONICA_STAFF_IDLE_SECONDS - 120})
    assert client.get("/admin/").status_code == 200  # still within the idle limit
    _age(client, **{sessions.SEEN_AT: settings.CRONICA_STAFF_IDLE_SECONDS + 1})
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


def test_active_session_ends_at_its_absolute_limit(client, editor, staff_login, settings):
    staff_login(client, editor)
    _age(client, **{sessions.LOGIN_AT: settings.CRONICA_STAFF_SESSION_MAX_SECONDS + 1})
    response = client.get("/admin/")  # active a second ago, but signed in too long ago
    assert response.status_code == 302 and response.url.startswith("/admin/login/")
