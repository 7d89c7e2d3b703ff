"""The moderation queue in the admin: tabs, filters, decisions singly and in bulk, the
reader's record, threats kept apart, and what readers see after a decision."""

import re
from urllib.parse import urlparse

import pytest
from django.conf import settings as django_settings

from cronica.comments.models import Comment, CommentSettings, Mode, Reader

pytestmark = pytest.mark.django_db


def _held(article, post, body, **kw):
    post(article, body, **kw)
    return Comment.objects.filter(body=body).get()


def test_queue_lists_pending_with_parent_and_highlighted_reasons(editor_client, article, post):
    parent = Comment.objects.create(
        article=article, body="The parent says hello", status=Comment.Status.PUBLISHED
    )
    reply = _held(article, post, "Eres un PENDEJOOO, llama al 81 1234 5678", parent=str(parent.pk))
    html = editor_client.get("/admin/comments/").content.decode()
    assert f'data-id="{reply.pk}"' in html
    assert "The parent says hello" in html
    assert "<mark>PENDEJOOO</mark>" in html
    assert "<mark>81 1234 5678</mark>" in html
    assert "phone number" in html and "insult" in html


def test_approve_publishes_at_once_and_counts_for_the_reader(client, editor_client, article, post):
    comment = _held(article, post, "Colima has been Mencho territory since 2015.")
    assert "Mencho territory" not in client.get(article.url).content.decode()
    response = editor_client.post(
        "/admin/comments/decide/", {"one": f"{comment.pk}:approve", "next": "/admin/comments/"}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PUBLISHED
    assert comment.reader.approved == 1
    assert "Mencho territory" in client.get(article.url).content.decode()


def test_reject_with_reason_is_shown_to_the_commenter(client, editor_client, article, post):
    comment = _held(article, post, "off topic rant about football")
    editor_client.post(
        "/admin/comments/decide/",
        {"one": f"{comment.pk}:reject", f"reason-{comment.pk}": "offtopic"},
    )
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED and comment.reject_reason == "offtopic"
    assert comment.reader.rejected == 1
    page = client.get(f"/en/comments/{comment.pk}/").content.decode()
    assert "did not publish" in page and "Off topic" in page


def test_bulk_spam_and_changing_a_decision_counts_once(editor_client, article, post):
    a = _held(article, post, "first")
    b = _held(article, post, "second")
    editor_client.post("/admin/comments/decide/", {"ids": [a.pk, b.pk], "action": "spam"})
    assert set(Comment.objects.values_list("status", flat=True)) == {"spam"}
    editor_client.post("/admin/comments/decide/", {"one": f"{a.pk}:approve"})
    reader = Reader.objects.get()
    assert (reader.approved, reader.rejected) == (1, 1)


def test_bad_decisions_change_nothing(editor_client, article, post):
    comment = _held(article, post, "stays pending")
    editor_client.post("/admin/comments/decide/", {"ids": [comment.pk], "action": "delete"})
    editor_client.post(
        "/admin/comments/decide/", {"ids": [comment.pk], "action": "reject", "reason": "bogus"}
    )
    editor_client.post("/admin/comments/decide/", {"action": "approve"})
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_threats_go_to_the_urgent_queue_and_stay_as_evidence(editor_client, article, post, home):
    settings = CommentSettings.for_site(home.get_site())
    settings.mode = Mode.PUBLISH_THEN_REVIEW
    settings.save()
    threat = _held(article, post, "Ya sabemos donde vives, te vamos a levantar")
    assert threat.status == Comment.Status.PENDING and threat.urgent
    pending = editor_client.get("/admin/comments/?tab=pending").content.decode()
    urgent = editor_client.get("/admin/comments/?tab=urgent").content.decode()
    assert f'data-id="{threat.pk}"' not in pending
    assert f'data-id="{threat.pk}"' in urgent
    editor_client.post(
        "/admin/comments/decide/", {"one": f"{threat.pk}:reject", f"reason-{threat.pk}": "threat"}
    )
    threat.refresh_from_db()
    assert threat.status == Comment.Status.REJECTED and threat.body.startswith("Ya sabemos")


def test_filters_and_sorting(editor_client, article, post, home):
    from cronica.news.models import ArticlePage

    other = ArticlePage(title="Another", slug="another", body=[("heading", "x")])
    home.add_child(instance=other)
    other.save_revision().publish()
    mild = _held(article, post, "A calm comment")
    rude = _held(article, post, "idiota pendejo")
    elsewhere = _held(other, post, "On the other article")
    by_score = editor_client.get("/admin/comments/?sort=score").content.decode()
    assert by_score.index(f'data-id="{rude.pk}"') < by_score.index(f'data-id="{mild.pk}"')
    newest = editor_client.get("/admin/comments/?sort=new").content.decode()
    assert newest.index(f'data-id="{elsewhere.pk}"') < newest.index(f'data-id="{mild.pk}"')
    only = editor_client.get(f"/admin/comments/?article={other.pk}").content.decode()
    assert f'data-id="{elsewhere.pk}"' in only and f'data-id="{mild.pk}"' not in only


def test_reader_history_and_blocking(editor_client, article, post):
    first = _held(article, post, "first from this reader")
    reader = first.reader
    page = editor_client.get(f"/admin/comments/reader/{reader.pk}/").content.decode()
    assert "first from this reader" in page
    editor_client.post(f"/admin/comments/reader/{reader.pk}/", {"blocked": "1"})
    post(article, "second from a blocked reader")
    assert Comment.objects.get(body="second from a blocked reader").status == "rejected"


def test_queue_needs_the_moderation_permission(client, article, home, staff_login):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("writer", password="x" * 16)
    user.groups.add(Group.objects.get(name="Contributors"))
    staff_login(client, user)
    # Wagtail answers a PermissionDenied in its admin with a redirect to the admin home;
    # a decision that got past the check would go back to the queue (/admin/comments/).
    refused = (302, "/admin/")

    def answer(response):
        return (response.status_code, response.get("Location"))

    assert answer(client.get("/admin/comments/")) == refused
    assert answer(client.post("/admin/comments/decide/", {"action": "approve"})) == refused
    held = Comment.objects.create(article=article, body="waiting", status=Comment.Status.PENDING)
    response = client.post("/admin/comments/decide/", {"ids": [held.pk], "action": "approve"})
    assert answer(response) == refused
    held.refresh_from_db()
    assert held.status == Comment.Status.PENDING


def test_editor_posting_on_the_site_is_published_as_the_site(editor_client, article):
    editor_client.post(
        f"/en/comments/post/{article.pk}/",
        {"body": "Correction: it was 9 tons"},
        headers={"Sec-Fetch-Site": "same-origin"},
    )
    comment = Comment.objects.get()
    assert comment.is_staff_reply and comment.status == Comment.Status.PUBLISHED


@pytest.mark.django_db(transaction=True)
def test_approving_purges_the_article_from_the_front_cache(
    editor_client, article, post, purge_endpoint
):
    comment = _held(article, post, "purge me")
    assert purge_endpoint == []  # holding changes nothing readers see
    editor_client.post("/admin/comments/decide/", {"one": f"{comment.pk}:approve"})
    host = urlparse(django_settings.SITE_URL).netloc
    assert f"{host}/en/{article.slug}/" in purge_endpoint
    assert f"{host}/es/{article.slug}/" in purge_endpoint


def test_the_reject_reason_screening_points_at_is_preselected(editor_client, article, post):
    doxx = _held(article, post, "su cel es 81 1234 5678")
    plain = _held(article, post, "Colima has been Mencho territory since 2015.")
    html = editor_client.get("/admin/comments/").content.decode()
    for comment, reason in ((doxx, "personal"), (plain, "other")):
        select = re.search(rf'<select name="reason-{comment.pk}".*?</select>', html, re.S)
        assert re.search(rf'value="{reason}" selected', select.group(0)), reason
