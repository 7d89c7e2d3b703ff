"""WordPress WXR imports through the real `cronica import wxr` command."""

from datetime import UTC, datetime

import pytest

from cronica.comments.models import Comment
from cronica.news.models import ArticlePage, Contributor

from .conftest import fixture, run_import, snapshot, whole_database_text

WXR = fixture("wordpress.xml")
PRIVATE = [
    "jsmith_admin",
    "john.smith.private@example.com",
    "Smithers",
    "mlopez",
    "maria.lopez.private@example.com",
    "López Realname",
    "juarense.private@example.com",
    "juarense.invalid",
    "203.0.113.9",
    "observer.private@example.com",
    "2001:db8::17",
    "198.51.100.200",
    "waiting@example.com",
    "192.0.2.66",
    "bonus@spam.invalid",
    "192.0.2.250",
    "192.0.2.251",
    "otherblog.invalid",
    "anonimo.durango@example.com",
    "203.0.113.201",
    "deleted@example.com",
    "203.0.113.202",
]


def article(title_start):
    return ArticlePage.objects.get(title__startswith=title_start)


@pytest.mark.django_db
def test_posts_authors_categories_and_tags(home):
    out, _ = run_import("wxr", WXR)
    assert (
        "Imported 3 posts (1 drafts, 0 scheduled), 1 pages, 7 comments, 2 new contributors" in out
    )
    assert "Skipped 1 WordPress pingbacks and trackbacks." in out
    assert "Skipped 1 WordPress attachment items." in out

    riot = article("Prison riot")
    assert riot.live and riot.slug == "prison-riot-juarez" and riot.language == "en"
    assert riot.first_published_at == datetime(2024, 1, 3, 18, 20, tzinfo=UTC)
    assert [c.pen_name for c in riot.contributors] == ["El Vigía"]
    # WordPress's default category is noise, not a label anyone chose.
    assert sorted(t.name for t in riot.tags.all()) == ["Chihuahua", "Prisons"]
    assert riot.summary == "A riot inside a state prison on January 1 left inmates dead."

    lab = article("Aseguran laboratorio")
    assert lab.language == "es"
    assert [c.pen_name for c in lab.contributors] == ["Cronista Norte"]
    assert sorted(t.name for t in lab.tags.all()) == ["Durango", "Laboratorios"]

    draft = article("Draft: money laundering")
    assert not draft.live and draft.first_published_at is None
    assert draft.slug == "draft-money-laundering-through-car-lots"
    assert set(Contributor.objects.values_list("pen_name", flat=True)) == {
        "El Vigía",
        "Cronista Norte",
    }
    assert not ArticlePage.objects.filter(title="About").exists()


@pytest.mark.django_db
def test_classic_and_block_editor_bodies(home):
    run_import("wxr", WXR)
    riot = article("Prison riot")
    kinds = [block.block_type for block in riot.body]
    assert kinds == [
        "paragraph",
        "paragraph",
        "paragraph",
        "heading",
        "quote",
        "video",
        "paragraph",
    ]
    assert "<br" in riot.body[1].value.source  # a single newline is a line break
    caption_link = riot.body[2].value.source  # [caption] shortcode, image unreachable
    assert "Soldiers at the prison gate on January 1." in caption_link
    assert "uploads/2024/01/prison-gate.jpg" in caption_link  # the full size, not the thumbnail
    assert riot.body[4].value["attribution"] == "State security spokesperson"
    assert riot.body[5].value["url"] == "https://vimeo.com/123456789"
    # A relative image URL resolves against the old site's address.
    assert (
        "https://plazawatch.example/wp-content/uploads/2024/01/relative-map.png"
        in riot.body[6].value.source
    )
    assert "tracking" not in str(riot.body.raw_data)

    lab = article("Aseguran laboratorio")
    assert [b.block_type for b in lab.body] == ["paragraph", "paragraph", "paragraph", "video"]
    assert "<b>tambos con sustancias químicas</b>" in lab.body[2].value.source
    assert lab.body[3].value == {
        "url": "https://www.youtube.com/watch?v=abcDEF12345",
        "title": "Video del aseguramiento",
        "description": "",
    }


@pytest.mark.django_db
def test_comments_threads_statuses_and_privacy(home):
    run_import("wxr", WXR)
    comments = {c.external_id.rsplit("-", 1)[-1]: c for c in Comment.objects.all()}
    assert set(comments) == {"501", "502", "503", "504", "505", "601", "602"}
    assert all(c.origin == Comment.Origin.WORDPRESS for c in comments.values())
    assert comments["502"].parent == comments["501"]
    assert comments["503"].parent == comments["501"]
    assert (
        comments["501"].body
        == "Everyone in the neighbourhood heard the shots.\n\nNobody came for hours."
    )
    assert comments["501"].status == Comment.Status.PUBLISHED
    assert comments["504"].status == Comment.Status.PENDING
    assert comments["505"].status == Comment.Status.SPAM
    assert comments["602"].status == Comment.Status.REJECTED
    assert comments["602"].parent == comments["601"]
    assert comments["601"].author_name == ""  # "Anónimo"
    everything = whole_database_text()
    for private in PRIVATE:
        assert private not in everything


@pytest.mark.django_db
def test_permalinks_and_p_id_links_redirect(home, client):
    run_import("wxr", WXR)
    for old in ("/2024/01/03/prison-riot-juarez/", "/2024/01/03/prison-riot-juarez", "/?p=101"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].rstrip("/").endswith("/prison-riot-juarez"), old
    lab = client.get("/?p=102")
    assert lab.status_code == 301 and "laboratorio-sierra-durango" in lab["Location"]
    assert client.get("/?p=103").status_code != 301  # the draft has no public address
    assert client.get("/").status_code == 302  # the language choice still works


@pytest.mark.django_db
def test_reimport_changes_nothing(home):
    run_import("wxr", WXR)
    before = snapshot()
    out, _ = run_import("wxr", WXR)
    assert snapshot() == before
    assert "left unchanged: 4 posts, 7 comments" in out


@pytest.mark.django_db
def test_slug_collisions_and_reserved_words(home, tmp_path):
    source = WXR.read_text()
    copy = tmp_path / "other-site.xml"
    # The same posts from another site: new external ids, same slugs.
    copy.write_text(
        source.replace("https://plazawatch.example", "https://mirror.example").replace(
            "laboratorio-sierra-durango]]", "archive]]"
        )
    )
    run_import("wxr", WXR)
    run_import("wxr", copy)
    slugs = set(ArticlePage.objects.values_list("slug", flat=True))
    assert {
        "prison-riot-juarez",
        "prison-riot-juarez-2",
        "laboratorio-sierra-durango",
        "archive-post",
    } <= slugs


@pytest.mark.django_db
def test_category_and_tag_listings_redirect_to_tag_pages(home, client):
    run_import("wxr", WXR)
    for old, slug in (
        ("/category/prisons/", "prisons"),
        ("/tag/chihuahua/", "chihuahua"),
        ("/category/labs/", "laboratorios"),
    ):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].endswith(f"/tags/{slug}/"), old
        assert client.get(response["Location"]).status_code == 200
    assert client.get("/category/uncategorized/").status_code != 301


@pytest.mark.django_db
def test_entities_and_closed_comments(home, tmp_path):
    source = WXR.read_text()
    copy = tmp_path / "entities.xml"
    copy.write_text(
        source.replace(
            "<![CDATA[Prison riot leaves inmates dead in Ciudad Juárez]]>",
            "<![CDATA[Guns &amp; money: a riot&#8217;s toll]]>",
        ).replace("<wp:comment_status><![CDATA[open]]>", "<wp:comment_status><![CDATA[closed]]>")
    )
    run_import("wxr", copy)
    riot = ArticlePage.objects.get(slug="prison-riot-juarez")
    assert riot.title == "Guns & money: a riot\u2019s toll"
    assert riot.comments_closed
    assert not article("Aseguran laboratorio").comments_closed


@pytest.mark.django_db
def test_scheduled_and_password_protected_posts(home, tmp_path):
    source = WXR.read_text()
    copy = tmp_path / "scheduled.xml"
    copy.write_text(
        source.replace(
            "<wp:post_date_gmt><![CDATA[2024-03-12 16:00:00]]>",
            "<wp:post_date_gmt><![CDATA[2099-03-12 16:00:00]]>",
        )
        .replace(
            "<wp:post_name><![CDATA[laboratorio-sierra-durango]]></wp:post_name>\n"
            "\t\t<wp:status><![CDATA[publish]]>",
            "<wp:post_name><![CDATA[laboratorio-sierra-durango]]></wp:post_name>\n"
            "\t\t<wp:status><![CDATA[future]]>",
        )
        .replace(
            "<wp:post_name><![CDATA[prison-riot-juarez]]></wp:post_name>",
            "<wp:post_name><![CDATA[prison-riot-juarez]]></wp:post_name>"
            "<wp:post_password><![CDATA[secret]]></wp:post_password>",
        )
    )
    out, _ = run_import("wxr", copy)
    assert "Imported 3 posts (2 drafts, 1 scheduled)" in out

    protected = article("Prison riot")
    assert not protected.live and protected.first_published_at is None

    scheduled = article("Aseguran laboratorio")
    assert not scheduled.live
    assert scheduled.go_live_at == datetime(2099, 3, 12, 16, 0, tzinfo=UTC)
    assert scheduled.latest_revision.approved_go_live_at == scheduled.go_live_at


@pytest.mark.django_db
def test_replies_by_the_sites_authors_and_pen_name_renames(home):
    out, _ = run_import("wxr", WXR, "--pen-name", "El Vigía=La Lechuza")
    comments = {c.external_id.rsplit("-", 1)[-1]: c for c in Comment.objects.all()}
    assert comments["502"].is_staff_reply  # comment_user_id is the author's id
    assert comments["502"].author_name == "La Lechuza"
    assert not comments["501"].is_staff_reply and not comments["503"].is_staff_reply
    assert [c.pen_name for c in article("Prison riot").contributors] == ["La Lechuza"]
    assert "El Vigía" not in whole_database_text()


@pytest.mark.django_db
def test_malformed_pen_name_option_imports_nothing(home):
    from django.core.management.base import CommandError

    before = snapshot()
    with pytest.raises(CommandError, match="expected NAME=PEN_NAME"):
        run_import("wxr", WXR, "--pen-name", "El Vigía")
    assert snapshot() == before
