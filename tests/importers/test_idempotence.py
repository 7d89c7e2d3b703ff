"""Re-running imports: what editors deleted stays deleted, and a write that fails half-way
leaves neither rows nor image files behind."""

import pytest
from django.conf import settings

from cronica.comments.models import Comment
from cronica.importers.importer import import_file
from cronica.news.models import ArticlePage

from .conftest import IMAGE_HOST, fixture, rewritten, run_import, snapshot
from .test_images import jpeg_with_gps


@pytest.mark.django_db
def test_deleted_posts_and_comments_are_not_brought_back(home):
    run_import("wxr", fixture("wordpress.xml"))
    ArticlePage.objects.get(slug="laboratorio-sierra-durango").delete()
    Comment.objects.get(external_id="https://plazawatch.example/#comment-503").delete()
    before = snapshot()
    out, _ = run_import("wxr", fixture("wordpress.xml"))
    assert snapshot() == before
    assert "1 posts deleted on this site since an earlier import were not brought back." in out


class StderrClosedAt:
    """A progress stream that breaks, as a closed terminal or pipe does, once the import
    reaches ``marker``."""

    def __init__(self, marker):
        self.marker = marker

    def write(self, text):
        if self.marker in text:
            raise BrokenPipeError("stderr closed")

    def flush(self):
        pass


def media_files():
    root = settings.MEDIA_ROOT
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


@pytest.mark.django_db
def test_a_failure_while_writing_leaves_no_rows_and_no_image_files(home, tmp_path, image_server):
    jpeg_with_gps(image_server.root / "blogger/s1600/truck.jpg")
    export = rewritten(tmp_path, "blogger-legacy.xml", IMAGE_HOST, image_server.url)
    before, files = snapshot(), media_files()
    # The posts (and the downloaded image) are written before the comments' bar starts.
    with pytest.raises(BrokenPipeError):
        import_file(
            "blogger", export, progress=StderrClosedAt("Comments"), allow_private_hosts=True
        )
    assert image_server.requested  # the image was fetched and stored, then undone
    assert snapshot() == before
    assert media_files() == files

    out, _ = run_import("blogger", export, "--allow-private-hosts")  # a clean run imports all
    assert "Imported 3 posts (1 drafts, 0 scheduled), 5 comments" in out
    assert "1 downloaded into the library" in out


@pytest.mark.django_db
def test_ids_longer_than_the_column_still_import_once(home, tmp_path):
    long_site = "https://plazawatch.example/" + "archivo-" * 40
    export = rewritten(tmp_path, "wordpress.xml", "https://plazawatch.example", long_site)
    out, _ = run_import("wxr", export)
    assert "Imported 3 posts" in out and "7 comments" in out
    assert all(len(c.external_id) <= 255 for c in Comment.objects.all())
    before = snapshot()
    run_import("wxr", export)
    assert snapshot() == before
