"""The audit log page is for administrators only, and publishing in the editor is
recorded there with who did it."""

import pytest
from django.contrib.auth.models import Group, User

from cronica.audit.models import Entry
from tests.news.factories import make_contributor
from tests.news.test_admin_editing import article_form

pytestmark = pytest.mark.django_db


def test_publishing_is_recorded_and_the_log_is_for_administrators(client, home, staff_login):
    editor = User.objects.create_user("chief", password="pw-for-tests-only")
    editor.groups.add(Group.objects.get(name="Editors"))
    staff_login(client, editor)
    response = client.post(
        f"/admin/pages/add/news/articlepage/{home.pk}/",
        article_form(make_contributor("Ceniza"), action="action-publish"),
    )
    assert response.status_code == 302
    entry = Entry.objects.get(action="news.page_published")
    assert (entry.actor, entry.subject) == (editor, "Draft from the admin")

    refused = client.get("/admin/audit/")  # an editor: no
    # Wagtail answers a PermissionDenied in its admin with a redirect to the admin home.
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert b"Draft from the admin" not in refused.content
    admin = User.objects.create_superuser("root", "root@example.org", "pw-root-long-enough")
    staff_login(client, admin)
    page = client.get("/admin/audit/").content.decode()
    assert "chief" in page and "published" in page and "Draft from the admin" in page
