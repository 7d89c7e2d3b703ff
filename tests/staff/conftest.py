"""Staff accounts for these tests: an editor with a known password, and helpers that sign
in through the admin's real login form and second-factor pages."""

import re

import pytest

PASSWORD = "correct horse battery staple 9"


@pytest.fixture
def editor(home):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("ines", "ines@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def sign_in(client, username, password=PASSWORD, next_url="/admin/"):
    """POST the admin's login form; returns the response (not followed)."""
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": next_url}
    )


def secret_on(html):
    return re.search(r'id="totp-secret">([A-Z2-7]+)<', html).group(1)
