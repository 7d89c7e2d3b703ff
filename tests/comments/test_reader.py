"""Reader continuity without accounts, the 15-minute edit window, reader reports,
moderation modes and closing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cronica.comments.models import ArticleCommentPolicy, Comment, CommentSettings, Mode, Reader
from cronica.comments.reader import COOKIE

pytestmark = pytest.mark.django_db
SAME = {"Sec-Fetch-Site": "same-origin"}


@pytest.fixture
def site_settings(home):
    return CommentSettings.for_site(home.get_site())


def _set(site_settings, **values):
    for key, value in values.items():
        setattr(site_settings, key, value)
    site_settings.save()


def test_the_reader_token_is_reused_and_only_set_when_posting(client, article, post):
    first = post(article, "first")
    assert COOKIE in first.cookies
    second = post(article, "second")
    assert COOKIE not in second.cookies
    assert Reader.objects.count() == 1
    assert {c.reader_id for c in Comment.objects.all()} == {Reader.objects.get().pk}


def test_a_forged_token_is_ignored(client, article, post):
    client.cookies[COOKIE] = "forged:token"
    response = post(article, "hello")
    assert COOKIE in response.cookies  # a fresh, valid token replaces it
    assert Reader.objects.count() == 1


def test_edit_within_the_window_reruns_screening(client, article, post, site_settings):
    _set(site_settings, mode=Mode.PUBLISH_THEN_REVIEW)
    post(article, "The port is theirs")
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PUBLISHED and comment.flagged
    response = client.post(
        f"/en/comments/{comment.pk}/edit/",
        {"name": "Porteño", "body": "The port is theirs, pendejos"},
        headers=SAME,
    )
    assert response.status_code == 303
    comment.refresh_from_db()
    assert comment.body.endswith("pendejos") and comment.author_name == "Porteño"
    assert comment.status == Comment.Status.PENDING and comment.edited_at
    assert "pendejos" not in client.get(article.url).content.decode()


def test_edit_and_delete_refused_after_fifteen_minutes(client, article, post):
    post(article, "original words")
    Comment.objects.update(created_at=timezone.now() - timedelta(minutes=14))
    comment = Comment.objects.get()
    inside = client.post(f"/en/comments/{comment.pk}/edit/", {"body": "still mine"}, headers=SAME)
    assert inside.status_code == 303  # the minute before the window closes
    # One second past fifteen minutes: a window even a few seconds longer would let these in.
    Comment.objects.update(
        created_at=timezone.now() - timedelta(minutes=15, seconds=1), body="original words"
    )
    edit = client.post(f"/en/comments/{comment.pk}/edit/", {"body": "changed"}, headers=SAME)
    delete = client.post(f"/en/comments/{comment.pk}/delete/", headers=SAME)
    assert edit.status_code == delete.status_code == 403
    comment.refresh_from_db()
    assert comment.body == "original words" and comment.status == Comment.Status.PENDING


def test_someone_else_cannot_see_edit_or_delete(article, post, client):
    from django.test import Client

    post(article, "mine")
    comment = Comment.objects.get()
    stranger = Client()
    assert stranger.get(f"/en/comments/{comment.pk}/").status_code == 404
    assert (
        stranger.post(f"/en/comments/{comment.pk}/edit/", {"body": "x!"}, headers=SAME).status_code
        == 404
    )
    assert stranger.post(f"/en/comments/{comment.pk}/delete/", headers=SAME).status_code == 404
    assert (
        client.post(
            f"/en/comments/{comment.pk}/delete/", headers={"Sec-Fetch-Site": "cross-site"}
        ).status_code
        == 403
    )
    comment.refresh_from_db()
    assert comment.body == "mine"


def test_delete_removes_the_text_and_the_comment_from_the_page(
    client, article, post, site_settings
):
    _set(site_settings, mode=Mode.PUBLISH_THEN_REVIEW)
    post(article, "regret this", name="Yo")
    comment = Comment.objects.get()
    assert "regret this" in client.get(article.url).content.decode()
    assert client.post(f"/en/comments/{comment.pk}/delete/", headers=SAME).status_code == 303
    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED
    assert comment.body == "" and comment.author_name == ""
    assert "regret this" not in client.get(article.url).content.decode()


def test_reports_past_the_threshold_keep_it_published_for_an_editor(
    client, article, site_settings, report
):
    _set(site_settings, report_threshold=2)
    comment = Comment.objects.create(
        article=article, body="Reported words", status=Comment.Status.PUBLISHED
    )
    form = client.get(f"/en/comments/{comment.pk}/report/")
    assert form.status_code == 200 and not form.cookies
    bad = report(comment.pk, "nonsense")
    assert bad.status_code == 400
    comment.refresh_from_db()
    assert comment.report_count == 0
    report(comment.pk, "abuse", REMOTE_ADDR="192.0.2.1")
    comment.refresh_from_db()
    assert comment.report_count == 1 and not comment.flagged
    # The same reader reporting again counts once; a second reader tips it over.
    report(comment.pk, "spam", REMOTE_ADDR="192.0.2.1")
    comment.refresh_from_db()
    assert comment.report_count == 1 and not comment.flagged
    report(comment.pk, "personal", REMOTE_ADDR="192.0.2.2")
    comment.refresh_from_db()
    # Kept for an editor ("Published, to review"), never unpublished by reports alone.
    assert comment.status == Comment.Status.PUBLISHED and comment.flagged
    assert comment.report_count == 2 and comment.reports.count() == 2
    assert "Reported words" in client.get(article.url).content.decode()


def _as_reader(client, reader_fields):
    from django.core import signing

    from cronica.comments.reader import _SALT

    reader, token = Reader.new_with_token()
    reader.save()
    Reader.objects.filter(pk=reader.pk).update(**reader_fields)
    client.cookies[COOKIE] = signing.Signer(salt=_SALT).sign(token)
    return reader


@pytest.mark.parametrize(
    "reader_fields, weight",
    [({"approved": 5}, 2), ({}, 1), ({"approved": 5, "blocked": True}, 0)],
)
def test_a_report_weighs_what_its_reader_has_earned(
    client, article, site_settings, report, reader_fields, weight
):
    _set(site_settings, report_threshold=2, trusted_after=3)
    comment = Comment.objects.create(
        article=article, body="Weighed words", status=Comment.Status.PUBLISHED
    )
    _as_reader(client, reader_fields)
    report(comment.pk, "abuse")
    comment.refresh_from_db()
    assert comment.report_count == weight and comment.flagged is (weight >= 2)
    assert comment.status == Comment.Status.PUBLISHED


def test_flagged_only_mode_trusts_regulars_but_still_holds_what_screening_flags(
    article, post, site_settings
):
    _set(site_settings, mode=Mode.FLAGGED_ONLY, trusted_after=2)
    post(article, "newcomer comment")
    assert Comment.objects.get().status == Comment.Status.PENDING
    Reader.objects.update(approved=2)
    post(article, "regular comment")
    assert Comment.objects.get(body="regular comment").status == Comment.Status.PUBLISHED
    post(article, "regular but rude: eres un pendejo")
    assert Comment.objects.get(body__contains="rude").status == Comment.Status.PENDING
    Reader.objects.update(rejected=1)
    post(article, "regular with a rejection")
    assert Comment.objects.get(body__contains="rejection").status == Comment.Status.PENDING


def test_an_article_can_override_the_site_mode(article, post, site_settings):
    _set(site_settings, mode=Mode.PUBLISH_THEN_REVIEW)
    ArticleCommentPolicy.objects.create(article=article, mode=Mode.HOLD_ALL)
    post(article, "held because this article says so")
    assert Comment.objects.get().status == Comment.Status.PENDING


def test_sure_spam_goes_to_the_spam_folder(article, post):
    post(
        article,
        "Préstamos sin buró, gana dinero desde casa, casino y viagra: "
        "http://a.example http://b.example http://c.example",
    )
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM and comment.reject_reason == "spam"


def test_comments_close_after_the_configured_days(client, article, post, site_settings):
    _set(site_settings, close_after_days=30)
    # Saved, not QuerySet.update(): a POST reads the article from memory until a save
    # says it changed (comments/targets.py).
    article.first_published_at = timezone.now() - timedelta(days=29, hours=23)
    article.save()
    assert post(article, "still open").status_code == 303  # the last hour of the thirty days
    # A minute past the thirty days: closing even a day later would still take this post.
    article.first_published_at = timezone.now() - timedelta(days=30, minutes=1)
    article.save()
    assert post(article, "too late").status_code == 403
    assert "closed" in client.get(article.url).content.decode()
    assert Comment.objects.count() == 1
