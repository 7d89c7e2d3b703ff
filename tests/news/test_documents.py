"""Documents an editor uploads for an article (Wagtail documents) are cleaned like tips:
the stored file, fully unpacked, carries nothing identifying; a file that cannot be
cleaned is refused with a form error and nothing is stored."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from tests.scrubbing import crafted
from tests.scrubbing.unpack import leaks_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, home, staff_login):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("doc-editor", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name="Editors"))
    staff_login(client, user)
    return client


def upload(client, name, data):
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "collection": Collection.get_first_root_node().id,
            "file": SimpleUploadedFile(name, data, "application/octet-stream"),
        },
    )


@pytest.mark.parametrize("name", ["photo.pdf", "report.docx", "ledger.xlsx", "notes.odt"])
def test_uploaded_document_is_stored_clean(editor, tmp_path, name):
    original = crafted.CLEANABLE[name](tmp_path)
    response = upload(editor, name, original)
    assert response.status_code == 302, response.content[:2000]
    document = get_document_model().objects.get()
    with document.file.open("rb") as f:
        stored = f.read()
    assert stored != original and leaks_in(stored, name) == []
    assert document.file_size == len(stored)


def test_uncleanable_document_is_refused(editor, tmp_path):
    response = upload(editor, "locked.pdf", crafted.locked_pdf(tmp_path))
    assert response.status_code == 200
    assert b"metadata cannot be removed" in response.content
    assert not get_document_model().objects.exists()


def test_documents_saved_in_code_are_cleaned_too(home, tmp_path):
    document = get_document_model()(title="from an importer")
    document.file.save("report.docx", ContentFile(crafted.docx(tmp_path)), save=False)
    document.save()
    with document.file.open("rb") as f:
        assert leaks_in(f.read(), "report.docx") == []
