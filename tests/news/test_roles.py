"""Three roles: contributors write drafts, editors publish, administrators do all."""

import pytest
from django.contrib.auth.models import Group, User

from cronica.news.models import ArticlePage

from .factories import make_article

pytestmark = pytest.mark.django_db


def user_in(group, name):
    user = User.objects.create_user(name, password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_the_three_roles_exist_and_wagtail_stock_moderators_is_gone(home):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Contributors", "Editors", "Administrators"} <= names
    assert "Moderators" not in names


def test_contributor_can_draft_but_not_publish(client, home, staff_login):
    contributor = user_in("Contributors", "writer")
    draft = make_article(home, "Draft by contributor", live=False)
    perms = draft.permissions_for_user(contributor)
    assert perms.can_edit()
    assert not perms.can_publish()
    assert home.permissions_for_user(contributor).can_add_subpage()

    # The editor shown to a contributor offers to submit for moderation, never to publish.
    staff_login(client, contributor)
    html = client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html
    staff_login(client, user_in("Editors", "chief2"))
    html = client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    assert 'name="action-publish"' in html
    assert not ArticlePage.objects.get(pk=draft.pk).live


def test_editor_can_publish(home):
    editor = user_in("Editors", "chief")
    draft = make_article(home, "Draft for editor", live=False)
    assert draft.permissions_for_user(editor).can_publish()
    assert not draft.permissions_for_user(user_in("Contributors", "w2")).can_publish()


def test_administrator_can_manage_users(home):
    admin = user_in("Administrators", "boss")
    assert admin.has_perm("auth.change_user")
    assert admin.has_perm("wagtailadmin.access_admin")
