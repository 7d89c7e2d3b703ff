"""An editor for the screening tests that read the moderation queue."""

import pytest


@pytest.fixture
def editor(home):
    """A user in the Editors group (created by the site setup), as the newsroom has."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("moderadora", password="x" * 16)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(editor, staff_login):
    from django.test import Client

    client = Client()
    staff_login(client, editor)
    return client
