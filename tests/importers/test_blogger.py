"""Blogger imports, legacy "Back up content" file and Takeout feed.atom, through the real
`cronica import blogger` command on a real database."""

import zipfile
from datetime import UTC, datetime

import pytest
from django.core.management.base import CommandError
from django.test import Client
from wagtail.contrib.redirects.models import Redirect

from cronica.comments.models import Comment
from cronica.news.models import ArticlePage, Contributor

from .conftest import fixture, run_import, snapshot, whole_database_text

LEGACY = fixture("blogger-legacy.xml")
TAKEOUT = fixture("blogger-takeout.atom")
PRIVATE = [
    "border.desk.realname@gmail.com",
    "corresponsal.private@gmail.com",
    "tucson.reader@example.com",
    "someone.removed@example.com",
    "vecina.reynosa@example.com",
    "203.0.113.77",
    "198.51.100.23",
    "192.0.2.145",
    "tucson-reader.invalid",
    "blogger.com/profile",
    "golfo.owner@gmail.com",
    "analista.private@gmail.com",
    "pescador.real@example.com",
    "pescador.invalid",
    "26.0922",
    "Colonia Centro",
]  # the post's location, from georss


def article(title_start):
    return ArticlePage.objects.get(title__startswith=title_start)


@pytest.mark.django_db
def test_legacy_export_becomes_articles_tags_bylines_and_drafts(home):
    out, _ = run_import("blogger", LEGACY)

    assert "Imported 3 posts (1 drafts, 0 scheduled), 5 comments" in out
    truck = article("Checkpoint inspectors")
    assert truck.live and truck.get_parent().specific == home
    assert truck.slug == "checkpoint-pills-produce-truck"
    assert truck.language == "en"
    assert truck.first_published_at == datetime(2023, 9, 12, 14, 40, tzinfo=UTC)
    assert [c.pen_name for c in truck.contributors] == ["Border Desk"]
    assert sorted(t.name for t in truck.tags.all()) == ["Fentanyl", "Sinaloa"]

    reynosa = article("Bloqueos en Reynosa")
    assert reynosa.language == "es"
    assert [c.pen_name for c in reynosa.contributors] == ["La Corresponsal"]
    # "sinaloa" joins the existing "Sinaloa" tag instead of making a near-duplicate.
    assert sorted(t.name for t in reynosa.tags.all()) == ["Sinaloa", "Tamaulipas"]

    draft = article("Draft: notes on a tunnel")
    assert not draft.live and draft.first_published_at is None
    assert draft.latest_revision is not None and draft.has_unpublished_changes
    assert set(Contributor.objects.values_list("pen_name", flat=True)) == {
        "Border Desk",
        "La Corresponsal",
    }


@pytest.mark.django_db
def test_legacy_body_keeps_structure_and_drops_active_content(home):
    run_import("blogger", LEGACY)
    truck = article("Checkpoint inspectors")
    kinds = [block.block_type for block in truck.body]
    assert kinds == [
        "paragraph",
        "paragraph",
        "heading",
        "paragraph",
        "paragraph",
        "quote",
        "video",
    ]
    first = truck.body[0].value.source
    assert "thousands of counterfeit pills" in first
    second = truck.body[1].value.source
    assert "<b>Nogales</b>" in second and 'href="https://www.cbp.gov/newsroom"' in second
    assert "onclick" not in second
    assert truck.body[2].value == "How the load was found"
    # The image host is unreachable: the picture stays a link, labelled by its caption.
    linked = truck.body[4].value.source
    assert 'href="http://images.invalid/blogger/s1600/truck.jpg"' in linked
    assert linked.startswith("<p>Image: <a ")
    assert "The truck at the inspection lane." in linked
    spanish = article("Bloqueos en Reynosa").body[-1].value.source
    assert spanish == (
        '<p>Imagen: <a href="http://images.invalid/blogger/s640/reynosa.jpg">reynosa.jpg</a></p>'
    )
    assert truck.body[5].value["quote"] == "It was the third load of this kind this month."
    assert truck.body[6].value["url"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    stored = str(truck.body.raw_data)
    for active in ("<script", "document.write", "<style", "<iframe", "tracker.invalid", "<img"):
        assert active not in stored


@pytest.mark.django_db
def test_legacy_comments_keep_threads_status_and_drop_personal_data(home):
    run_import("blogger", LEGACY)
    truck = article("Checkpoint inspectors")
    by_id = {c.external_id.rsplit("-", 1)[-1]: c for c in Comment.objects.all()}
    assert set(by_id) == {"5001", "5002", "5003", "5004", "5005"}
    assert all(c.origin == Comment.Origin.BLOGGER for c in by_id.values())
    assert by_id["5001"].article == truck and by_id["5001"].parent is None
    assert by_id["5001"].author_name == ""  # "Anonymous": shown in the reader's language
    assert by_id["5001"].body == (
        "Third one this month and they still call it isolated.\nSomebody is paying for the lane."
    )
    assert by_id["5002"].parent == by_id["5001"] and by_id["5002"].author_name == "Tucson Reader"
    assert by_id["5003"].parent == by_id["5002"]
    assert by_id["5004"].status == Comment.Status.REJECTED
    assert by_id["5005"].article == article("Bloqueos en Reynosa")
    assert by_id["5002"].created_at == datetime(2023, 9, 12, 17, 2, tzinfo=UTC)
    everything = whole_database_text()
    for private in PRIVATE:
        assert private not in everything


@pytest.mark.django_db
def test_imported_article_page_shows_the_thread(home, client):
    run_import("blogger", LEGACY)
    response = client.get(article("Checkpoint inspectors").url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "9:35 - Never going to happen" in html
    assert "10:02 - They rotate, but the schedule leaks." in html
    assert "removed by the author" not in html  # rejected comments are not shown
    assert "images.invalid/blogger/s1600/truck.jpg" in html
    assert '<img src="http://images.invalid' not in html


@pytest.mark.django_db
def test_old_blogger_addresses_redirect_to_the_new_pages(home, client):
    run_import("blogger", LEGACY)
    truck = article("Checkpoint inspectors")
    for old in (
        "/2023/09/checkpoint-pills-produce-truck.html",
        "/2023/09/checkpoint-pills-produce-truck.html?m=1",
    ):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].rstrip("/").endswith(f"/{truck.slug}")
    assert client.get(response["Location"]).status_code == 200
    # Drafts had no public address, and get no redirect.
    assert not Redirect.objects.filter(old_path__contains="draft-tunnel").exists()


@pytest.mark.django_db
def test_reimporting_changes_nothing(home):
    run_import("blogger", LEGACY)
    before = snapshot()
    out, _ = run_import("blogger", LEGACY)
    assert snapshot() == before
    assert "Imported 0 posts" in out
    assert "left unchanged: 3 posts, 5 comments" in out


@pytest.mark.django_db
def test_takeout_export(home):
    out, err = run_import("blogger", TAKEOUT)
    assert "Imported 2 posts (1 drafts, 0 scheduled), 1 pages, 4 comments" in out
    assert "Skipped 1 comments on posts not imported." in out
    assert "Skipped 1 Blogger posts in the trash." in out
    assert "Posts" in err  # the progress bar, on stderr
    # The blog's About page is a simple page, reached at its old address too.
    from cronica.news.models import StandardPage

    about = StandardPage.objects.get(title="About")
    assert about.live and about.slug == "about" and "About this blog." in about.body
    assert Client().get("/p/about.html").headers["Location"].endswith("/about/")

    assert "4 redirects" in out  # the live post and page, and the post's two labels' listings
    navy = article("Navy seizes")
    assert navy.live and navy.slug == "navy-semi-submersible"
    assert navy.summary == "A narco sub intercepted at sea with three crew aboard."
    assert sorted(t.name for t in navy.tags.all()) == ["Cocaine", "Maritime routes"]
    assert navy.first_published_at == datetime(2024, 2, 3, 16, 30, tzinfo=UTC)
    assert not article("Borrador").live
    assert article("Borrador").language == "es"
    assert not ArticlePage.objects.filter(title="Deleted duplicate").exists()

    comments = {c.external_id.rsplit("-", 1)[-1]: c for c in Comment.objects.all()}
    assert comments["6002"].parent == comments["6001"]
    assert comments["6001"].status == Comment.Status.PUBLISHED
    assert comments["6003"].status == Comment.Status.SPAM
    assert comments["6004"].status == Comment.Status.PENDING
    assert comments["6003"].body == "Buy now here"  # markup dropped
    everything = whole_database_text()
    for private in PRIVATE:
        assert private not in everything

    before = snapshot()
    run_import("blogger", TAKEOUT)
    assert snapshot() == before


@pytest.mark.django_db
def test_a_newer_export_adds_only_what_is_new(home, tmp_path):
    run_import("blogger", LEGACY)
    newer = tmp_path / "newer.xml"
    extra = """  <entry>
    <id>tag:blogger.com,1999:blog-7001.post-5006</id>
    <published>2023-10-02T08:00:00.000-07:00</published>
    <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>
    <content type='html'>11:20 - Leaks both ways.</content>
    <link rel='related' type='application/atom+xml' href='http://www.blogger.com/feeds/7001/1001/comments/default/5003'/>
    <author><name>Late Reader</name><email>late@example.com</email></author>
    <thr:in-reply-to ref='tag:blogger.com,1999:blog-7001.post-1001'/>
  </entry>
</feed>"""
    newer.write_text(LEGACY.read_text().replace("</feed>", extra))
    out, _ = run_import("blogger", newer)
    assert "Imported 0 posts (0 drafts, 0 scheduled), 1 comments" in out
    late = Comment.objects.get(external_id="tag:blogger.com,1999:blog-7001.post-5006")
    assert late.parent.external_id.endswith("post-5003")
    assert ArticlePage.objects.count() == 3


@pytest.mark.django_db
def test_takeout_zip_is_read_in_place(home, tmp_path):
    archive = tmp_path / "takeout-20240301T000000Z-001.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Takeout/Blogger/Blogs/Ruta del Golfo/feed.atom", TAKEOUT.read_bytes())
        zf.writestr("Takeout/Blogger/Blogs/Ruta del Golfo/theme-classic.html", "<html></html>")
    out, _ = run_import("blogger", archive)
    assert "Imported 2 posts (1 drafts, 0 scheduled), 1 pages, 4 comments" in out


@pytest.mark.django_db
def test_zip_with_two_blogs_or_a_hostile_feed_is_refused(home, tmp_path):
    two = tmp_path / "two.zip"
    with zipfile.ZipFile(two, "w") as zf:
        zf.writestr("Takeout/Blogger/Blogs/A/feed.atom", TAKEOUT.read_bytes())
        zf.writestr("Takeout/Blogger/Blogs/B/feed.atom", TAKEOUT.read_bytes())
    with pytest.raises(CommandError, match="exactly one Blogger feed.atom"):
        run_import("blogger", two)
    hostile = tmp_path / "hostile.zip"
    with zipfile.ZipFile(hostile, "w") as zf:
        zf.writestr("Takeout/Blogger/Blogs/A/feed.atom", fixture("billion-laughs.xml").read_bytes())
    with pytest.raises(CommandError, match="DOCTYPE"):
        run_import("blogger", hostile)
    assert not ArticlePage.objects.exists()


@pytest.mark.django_db
def test_label_listings_redirect_to_tag_pages(home, client):
    run_import("blogger", TAKEOUT)
    response = client.get("/search/label/Maritime%20routes")
    assert response.status_code == 301
    assert response["Location"].endswith("/tags/maritime-routes/")
    assert client.get(response["Location"]).status_code == 200
    assert client.get("/search/label/Cocaine?max-results=20")["Location"].endswith("/tags/cocaine/")


@pytest.mark.django_db
def test_replies_by_the_blogs_authors_are_marked_as_the_sites(home, tmp_path):
    source = LEGACY.read_text()
    staff = "<author><name>Border Desk</name><uri>https://www.blogger.com/profile/0001</uri>"
    impostor = "<author><name>Border Desk</name><uri>https://www.blogger.com/profile/9999</uri>"
    copy = tmp_path / "staff.xml"
    copy.write_text(
        source.replace(
            "<author><name>Anonymous</name><email>noreply@blogger.com</email></author>\n"
            "    <thr:in-reply-to xmlns:thr='http://purl.org/syndication/thread/1.0' "
            "href='http://frontera-notes.blogspot.com/2023/09/checkpoint-pills-produce-"
            "truck.html' ref='tag:blogger.com,1999:blog-7001.post-1001' source='http://"
            "www.blogger.com/feeds/7001/posts/default/1001' type='text/html'/>\n  </entry>",
            f"{staff}</author>\n    <thr:in-reply-to ref='tag:blogger.com,1999:blog-7001"
            ".post-1001'/>\n  </entry>",
        ).replace("<author><name>Tucson Reader</name>", f"{impostor}<name>Tucson Reader</name>")
    )
    run_import("blogger", copy)
    by_id = {c.external_id.rsplit("-", 1)[-1]: c for c in Comment.objects.all()}
    assert by_id["5003"].is_staff_reply and by_id["5003"].author_name == "Border Desk"
    assert not any(c.is_staff_reply for key, c in by_id.items() if key != "5003")
