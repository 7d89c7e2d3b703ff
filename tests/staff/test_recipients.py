"""Tip recipients: a change needs a fresh second-factor code, goes to the audit log and is
announced at the top of every journalist's inbox; pinned recipients cannot be changed in
the admin at all."""

import re
import time

import pyrage
import pytest
from django.contrib.auth.models import Permission, User

from cronica.audit.models import Entry
from cronica.staff import sessions
from cronica.tips.models import Recipient
from cronica.tips.recipients import newsroom_recipients

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/tips/recipient/add/"


def _key():
    return str(pyrage.x25519.Identity.generate().to_public())


@pytest.fixture
def admin(home):
    return User.objects.create_superuser("chief", "chief@example.org", "pw-chief-long-enough")


@pytest.fixture
def journalist_client(home, staff_login):
    from django.test import Client

    user = User.objects.create_user("rosa", "rosa@example.org", "pw-rosa-long-enough")
    for codename in ("access_admin", "read_tips"):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client = Client()
    staff_login(client, user)
    return client


def _stale(client):
    """As if the last second-factor check were longer ago than the re-check window."""
    session = client.session
    session[sessions.SECOND_FACTOR_AT] = int(time.time()) - 3600
    session.save()


def test_adding_a_recipient_needs_a_fresh_code(client, admin, staff_login, totp_code):
    device = staff_login(client, admin)
    _stale(client)
    key = _key()
    form = {"name": "Mallory", "public_key": key, "active": "on"}
    refused = client.post(ADD, form)
    assert refused.status_code == 302 and refused.url.startswith("/admin/staff/2fa/verify/")
    assert not Recipient.objects.exists()
    page = client.get(refused.url).content.decode()
    assert "Confirm it is you" in page

    back = client.post(refused.url, {"code": totp_code(device)})
    assert back.status_code == 302 and back.url == ADD
    added = client.post(ADD, form)
    assert added.status_code == 302
    assert Recipient.objects.get().public_key == key
    entry = Entry.objects.get(action="tips.recipient_added")
    assert entry.actor == admin and entry.actor_name == "chief"
    assert "Mallory" in entry.subject and key[:12] in entry.subject


def test_changes_and_removals_are_audited_and_announced(
    client, admin, staff_login, journalist_client
):
    staff_login(client, admin)  # a fresh check, as just after signing in
    client.post(ADD, {"name": "Ana", "public_key": _key(), "active": "on"})
    recipient = Recipient.objects.get()
    new_key = _key()
    edit = client.post(
        f"/admin/snippets/tips/recipient/edit/{recipient.pk}/",
        {"name": "Ana", "public_key": new_key, "active": "on"},
    )
    assert edit.status_code == 302
    changed = Entry.objects.get(action="tips.recipient_changed")
    assert f"→ {new_key}" in changed.detail and recipient.public_key in changed.detail
    delete = client.post(f"/admin/snippets/tips/recipient/delete/{recipient.pk}/")
    assert delete.status_code == 302 and not Recipient.objects.exists()
    assert Entry.objects.filter(action="tips.recipient_removed", actor=admin).exists()

    inbox = journalist_client.get("/admin/tips/").content.decode()
    notices = inbox.split('class="messages recipient-notices"', 1)[1].split("</ul>", 1)[0]
    assert notices.count("<li") == 3
    for verb in ("added", "changed", "removed"):
        line = rf"Tip recipient Ana \(age1\w+…\w+\) {verb} by chief at \d{{4}}-\d\d-\d\d \d\d:\d\d"
        assert re.search(line, notices), verb


def test_bulk_delete_is_refused(client, admin, staff_login):
    staff_login(client, admin)
    recipient = Recipient.objects.create(name="Ana", public_key=_key())
    response = client.post(
        f"/admin/bulk/tips/recipient/delete/?next=/admin/&id={recipient.pk}", follow=True
    )
    assert Recipient.objects.filter(pk=recipient.pk).exists()
    assert "one at a time" in response.content.decode()


def test_pinned_recipients_cannot_be_changed(client, admin, staff_login, settings):
    pinned = _key()
    settings.CRONICA_TIPS_RECIPIENTS = [pinned]
    settings.CRONICA_TIPS_RECIPIENTS_PINNED = True
    earlier = Recipient.objects.create(name="Old", public_key=_key())
    staff_login(client, admin)
    for path in (ADD, f"/admin/snippets/tips/recipient/edit/{earlier.pk}/"):
        response = client.post(path, {"name": "X", "public_key": _key(), "active": "on"})
        assert response.status_code == 302 and "2fa" not in response.url
    delete = client.post(f"/admin/snippets/tips/recipient/delete/{earlier.pk}/", follow=True)
    assert "pinned by this deployment" in delete.content.decode()
    assert list(Recipient.objects.values_list("name", flat=True)) == ["Old"]
    assert not Entry.objects.exists()
    # Tips go to the pinned keys only, whatever the database holds.
    assert [str(r) for r in newsroom_recipients()] == [pinned]
