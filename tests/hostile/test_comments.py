"""Hostile input against the reader comment views, through Django's real request stack
and the real database: limits, floods of fields and of invisible characters, links that
are not what they look like, replies to comments they may not answer, cross-site posts,
flooding, and someone else's comment edited or deleted with a forged or expired token.

Each attack must get a clear 4xx (never a 500) and leave every comment, reader and report
exactly as it was; what is accepted is stored cleaned.
"""

import unicodedata
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import signing
from django.test import Client
from django.utils import timezone

from cronica.comments.models import Comment, CommentSettings, Mode, Reader, Report
from cronica.comments.reader import COOKIE

pytestmark = pytest.mark.django_db
SAME = {"Sec-Fetch-Site": "same-origin"}


def state():
    """Everything the comment views can write, to prove an attack changed nothing."""
    return (
        list(
            Comment.objects.order_by("pk").values_list(
                "pk", "status", "author_name", "body", "parent_id", "report_count", "edited_at"
            )
        ),
        Reader.objects.count(),
        Report.objects.count(),
    )


@pytest.fixture
def published(article):
    return Comment.objects.create(
        article=article, body="A published comment.", status=Comment.Status.PUBLISHED
    )


@pytest.fixture
def site_settings(home):
    from wagtail.models import Site

    return CommentSettings.for_site(Site.objects.get(is_default_site=True))


def refused(response, before, status=400):
    assert response.status_code == status, response.content[:500]
    assert state() == before
    assert COOKIE not in response.cookies


# Lengths -------------------------------------------------------------------------------


def test_body_and_name_at_the_limits_are_kept_whole(article, post):
    response = post(article, "b" * 4000, name="n" * 60)
    assert response.status_code == 303
    comment = Comment.objects.get()
    assert comment.body == "b" * 4000 and comment.author_name == "n" * 60


@pytest.mark.parametrize(
    "name, body",
    [
        ("n" * 61, "a fine comment"),
        ("", "b" * 4001),
        ("", "b" * 8001),  # over the form's raw cap as well
        ("n" * 10_000, "a fine comment"),
    ],
)
def test_one_character_over_a_limit_is_refused(article, post, name, body):
    before = state()
    refused(post(article, body, name=name), before)


def test_a_one_megabyte_body_is_refused(article, post):
    before = state()
    refused(post(article, "x" * 1_000_000), before)
    refused(post(article, "ok", name="y" * 1_000_000), before)


def test_thousands_of_fields_are_refused(article, client):
    before = state()
    data = {f"f{i}": "x" for i in range(20_000)} | {"body": "hello there", "website": ""}
    refused(client.post(f"/en/comments/post/{article.pk}/", data, headers=SAME), before)
    # The same field repeated thousands of times: the last value is the one used, no error.
    many = [("body", "x" * 10)] * 5_000 + [("body", "the real one")]
    from urllib.parse import urlencode

    response = client.post(
        f"/en/comments/post/{article.pk}/",
        urlencode(many),
        content_type="application/x-www-form-urlencoded",
        headers=SAME,
    )
    assert response.status_code == 303
    assert Comment.objects.get().body == "the real one"


# Invisible and look-alike characters ---------------------------------------------------


def test_nul_characters_are_refused(article, post):
    before = state()
    refused(post(article, "hola\x00mundo"), before)
    refused(post(article, "fine", name="\x00" * 50), before)


@pytest.mark.parametrize(
    "flood", ["\u200b", "\u202e", "\u2066", "\u00ad", "\ufeff", "\u200d", "\u061c"]
)
def test_invisible_floods_are_stripped_and_an_invisible_only_body_is_empty(article, post, flood):
    response = post(
        article,
        flood * 3000 + "la pla" + flood * 500 + "za",
        name=flood * 50 + "Vecino" + flood * 5,
    )
    assert response.status_code == 303
    comment = Comment.objects.get()
    assert comment.body == "la plaza" and comment.author_name == "Vecino"
    before = state()
    refused(post(article, flood * 7000), before)


def test_a_combining_mark_flood_is_not_stored_as_is(article, post):
    """Accepted, with the letter's marks cut to MAX_MARKS_PER_LETTER (3) after NFC."""
    response = post(article, "Zalgo " + "a" + "\u0301" * 3000 + " text")
    assert response.status_code == 303
    body = Comment.objects.get().body
    assert body == "Zalgo \u00e1" + "\u0301" * 3 + " text"
    assert sum(1 for c in body if unicodedata.category(c) == "Mn") == 3


def test_combining_marks_that_compose_are_normalised(article, post):
    assert post(article, "Sina" + "lo" + "a\u0301" + " y Jalisco").status_code == 303
    assert Comment.objects.get().body == "Sinaloá y Jalisco"


def _published_html(client, article, body):
    Comment.objects.create(article=article, body=body, status=Comment.Status.PUBLISHED)
    return client.get(article.url).content.decode()


def test_javascript_and_data_urls_in_text_never_become_links(client, article, post):
    body = (
        "javascript:alert(document.cookie) y data:text/html;base64,PHNjcmlwdD4= "
        'y JaVaScRiPt:alert(1) y <a href="javascript:alert(2)">mira</a> '
        "y vbscript:msgbox(1) y www.example.com/ok"
    )
    assert post(article, body).status_code == 303
    stored = Comment.objects.get()
    assert stored.body == body and stored.status == Comment.Status.PENDING
    html = _published_html(client, article, body)
    lowered = html.lower()
    for scheme in ("javascript:", "data:", "vbscript:"):
        assert f'href="{scheme}' not in lowered and f"href='{scheme}" not in lowered
    assert "&lt;a href=&quot;javascript:alert(2)&quot;&gt;" in html
    assert 'href="http://www.example.com/ok" rel="nofollow ugc noopener noreferrer"' in html


ASCII_SPAM = "Cheap viagra and casino bonus at www.paypal-bonus.com buy now"
# Cyrillic а, е, о, р and с in place of the Latin letters: it reads the same.
HOMOGLYPH_SPAM = ASCII_SPAM.translate(str.maketrans("aeopc", "аеорс"))


def test_homoglyph_spam_is_rejected_as_spam_in_the_default_mode(article, post):
    """Folded to the ASCII it imitates, it is certain spam: rejected, never held for review."""
    assert HOMOGLYPH_SPAM != ASCII_SPAM
    assert post(article, HOMOGLYPH_SPAM).status_code == 303
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    assert comment.screening["step"] == "certain_spam"


def test_homoglyph_spam_scores_like_the_ascii_spam_it_imitates(article, post, site_settings):
    site_settings.mode = Mode.PUBLISH_THEN_REVIEW
    site_settings.save()
    assert post(article, ASCII_SPAM).status_code == 303
    assert Comment.objects.get().status == Comment.Status.SPAM
    assert post(article, HOMOGLYPH_SPAM).status_code == 303
    assert Comment.objects.latest("pk").status == Comment.Status.SPAM


# Replies that may not be -----------------------------------------------------------------


@pytest.fixture
def no_flood_limit(monkeypatch):
    monkeypatch.setattr(settings, "CRONICA_COMMENT_LIMIT", (10_000, 60))


def test_replies_to_unavailable_parents_are_refused(article, post, home, no_flood_limit):
    from cronica.news.models import ArticlePage

    other = ArticlePage(
        title="Other story",
        slug="other-story",
        language="en",
        summary="Other.",
        body=[("heading", "Other")],
    )
    home.add_child(instance=other)
    other.save_revision().publish()
    elsewhere = Comment.objects.create(
        article=other, body="on another article", status=Comment.Status.PUBLISHED
    )
    parents = [elsewhere.pk]
    for status in (
        Comment.Status.REJECTED,
        Comment.Status.PENDING,
        Comment.Status.SPAM,
        Comment.Status.DELETED,
    ):
        parents.append(
            Comment.objects.create(article=article, body=f"{status} one", status=status).pk
        )
    parents += [999_999, -1, 0.5, "abc", "1e3", "1 OR 1=1", 2**63 - 1, -(2**63)]
    before = state()
    for parent in parents:
        refused(post(article, "an answer", parent=parent), before)


def test_closed_unpublished_and_unknown_articles_refuse_comments(article, post, client):
    article.comments_closed = True
    article.save_revision().publish()
    before = state()
    refused(post(article, "too late"), before, status=403)
    article.unpublish()
    refused(post(article, "not live"), before, status=404)
    for path in ("/en/comments/post/999999/", f"/en/comments/post/{2**63 - 1}/"):
        refused(client.post(path, {"body": "hello"}, headers=SAME), before, status=404)


HUGE = 2**63  # one past the largest id a 64-bit integer column holds


@pytest.mark.parametrize(
    "method, path, data, status",
    [
        # An id in the path names nothing (404); a parent in the form is bad input (400).
        ("post", "/en/comments/post/{huge}/", {"body": "hello"}, 404),
        ("post", "/en/comments/post/{article}/", {"body": "hello", "parent": "{huge}"}, 400),
        ("post", "/en/comments/post/{article}/", {"body": "hi", "parent": "1" + "0" * 30}, 400),
        ("get", "/en/comments/{huge}/", {}, 404),
        ("post", "/en/comments/{huge}/edit/", {"body": "x"}, 404),
        ("post", "/en/comments/{huge}/delete/", {}, 404),
        ("get", "/en/comments/{huge}/reply/", {}, 404),
        ("get", "/en/comments/{huge}/report/", {}, 404),
        ("post", "/en/comments/{huge}/report/", {"reason": "spam"}, 404),
    ],
)
def test_ids_past_the_integer_column_are_refused_not_500(
    client, article, method, path, data, status
):
    client.raise_request_exception = False
    fill = {"huge": HUGE, "article": article.pk}
    data = {k: v.format(**fill) for k, v in data.items()}
    before = state()
    response = getattr(client, method)(path.format(**fill), data, headers=SAME)
    assert response.status_code == status
    assert state() == before


def test_a_reply_to_a_comment_on_a_closed_article_is_refused(article, post, published):
    article.comments_closed = True
    article.save_revision().publish()
    before = state()
    refused(post(article, "an answer", parent=published.pk), before, status=403)


# Cross-site ------------------------------------------------------------------------------

CROSS_SITE = [
    {"Sec-Fetch-Site": "cross-site", "Origin": "http://testserver"},
    {"Sec-Fetch-Site": "none"},
    {"Sec-Fetch-Site": "SAME-ORIGIN-ish"},
    {"Origin": "http://testserver.evil.example"},
    {"Origin": "http://testserver:8080"},
    {"Origin": "https://testserver"},
    {"Origin": "http://testserver/"},
    {"Origin": "http://evil.example", "Referer": "http://testserver/en/"},
]


@pytest.mark.parametrize("headers", CROSS_SITE)
def test_cross_site_posts_edits_deletes_and_reports_are_refused(
    client, article, post, report, published, headers
):
    assert post(article, "my own words").status_code == 303  # client now holds a token
    mine = Comment.objects.exclude(pk=published.pk).get()
    before = state()
    refused(post(article, "planted", headers=headers), before, status=403)
    refused(
        client.post(f"/en/comments/{mine.pk}/edit/", {"body": "changed"}, headers=headers),
        before,
        status=403,
    )
    refused(client.post(f"/en/comments/{mine.pk}/delete/", headers=headers), before, status=403)
    refused(report(published.pk, headers=headers), before, status=403)


# Floods ----------------------------------------------------------------------------------


def test_a_comment_flood_gets_429_and_nothing_past_the_limit_is_stored(article, post):
    for number in range(5):
        assert post(article, f"comment number {number}").status_code == 303
    before = state()
    # Another language, a spoofed forwarding header, a fresh browser: the same client.
    refused(post(article, "sixth"), before, status=429)
    refused(post(article, "sexto", lang="es"), before, status=429)
    refused(
        post(article, "spoofed", headers=SAME | {"X-Forwarded-For": "203.0.113.9"}),
        before,
        status=429,
    )
    fresh = Client()
    refused(
        fresh.post(f"/en/comments/post/{article.pk}/", {"body": "fresh browser"}, headers=SAME),
        before,
        status=429,
    )
    assert Comment.objects.count() == 5


def test_a_report_flood_gets_429_and_nothing_past_the_limit_is_stored(
    article, site_settings, report
):
    site_settings.report_threshold = 1000
    site_settings.save()
    targets = [
        Comment.objects.create(
            article=article, body=f"published {n}", status=Comment.Status.PUBLISHED
        )
        for n in range(25)
    ]
    for target in targets[:20]:
        response = report(target.pk)
        assert response.status_code == 200
    before = state()
    for target in targets[20:]:
        refused(report(target.pk), before, status=429)
    assert Report.objects.count() == 20


@pytest.mark.parametrize("reason", ["", "nonsense", "spam" * 1000, "\x00"])
def test_bad_report_reasons_are_refused(report, published, reason):
    before = state()
    refused(report(published.pk, reason), before)


def test_reports_on_comments_that_are_not_public_are_404(report, article):
    hidden = [
        Comment.objects.create(article=article, body=s, status=s).pk
        for s in (
            Comment.Status.PENDING,
            Comment.Status.REJECTED,
            Comment.Status.SPAM,
            Comment.Status.DELETED,
        )
    ]
    before = state()
    for pk in hidden + [999_999]:
        refused(report(pk), before, status=404)


def test_one_client_alone_cannot_unpublish_a_comment_by_repeating_reports(report, published):
    for _ in range(3):
        assert report(published.pk, "abuse").status_code == 200
    published.refresh_from_db()
    assert published.status == Comment.Status.PUBLISHED


# Someone else's comment ------------------------------------------------------------------


def _victim(article, post):
    assert post(article, "the victim's words", name="Victima").status_code == 303
    return Comment.objects.get()


@pytest.mark.parametrize(
    "cookie",
    [
        "",
        "forged",
        "x" * 5000,
        "\u00e9\u00ff;\x7f",
        signing.Signer(salt="wrong-salt").sign("token"),
        signing.Signer(salt="cronica.comments.reader").sign("guessed-token"),
    ],
)
def test_forged_tokens_cannot_touch_someone_elses_comment(article, post, cookie):
    victim = _victim(article, post)
    attacker = Client()
    if cookie:
        attacker.cookies[COOKIE] = cookie
    before = state()
    for action, data in (("edit", {"body": "defaced"}), ("delete", {})):
        refused(
            attacker.post(f"/en/comments/{victim.pk}/{action}/", data, headers=SAME),
            before,
            status=404,
        )
    assert attacker.get(f"/en/comments/{victim.pk}/").status_code == 404


def test_another_readers_valid_token_cannot_touch_the_comment(article, post):
    victim = _victim(article, post)
    attacker = Client()
    attacker.post(f"/en/comments/post/{article.pk}/", {"body": "attacker's own"}, headers=SAME)
    assert COOKIE in attacker.cookies
    before = state()
    for action, data in (("edit", {"body": "defaced"}), ("delete", {})):
        refused(
            attacker.post(f"/en/comments/{victim.pk}/{action}/", data, headers=SAME),
            before,
            status=404,
        )


def test_an_expired_token_window_refuses_edit_and_delete(article, post, client):
    victim = _victim(article, post)
    Comment.objects.filter(pk=victim.pk).update(
        created_at=timezone.now() - timedelta(minutes=15, seconds=5)
    )
    before = state()
    refused(
        client.post(f"/en/comments/{victim.pk}/edit/", {"body": "late edit"}, headers=SAME),
        before,
        status=403,
    )
    refused(client.post(f"/en/comments/{victim.pk}/delete/", headers=SAME), before, status=403)


def test_a_bad_edit_is_refused_and_changes_nothing(article, post, client):
    victim = _victim(article, post)
    before = state()
    for data in (
        {"body": "x" * 4001},
        {"body": ""},
        {"body": "\u200b" * 100},
        {"body": "ok", "name": "n" * 61},
        {"body": "nul\x00"},
    ):
        refused(client.post(f"/en/comments/{victim.pk}/edit/", data, headers=SAME), before)
    assert Comment.objects.get().body == "the victim's words"


def test_editing_a_rejected_comment_does_not_undo_the_editors_decision(
    article, post, client, site_settings
):
    site_settings.mode = Mode.PUBLISH_THEN_REVIEW
    site_settings.save()
    victim = _victim(article, post)
    Comment.objects.filter(pk=victim.pk).update(status=Comment.Status.REJECTED)
    client.post(f"/en/comments/{victim.pk}/edit/", {"body": "now harmless words"}, headers=SAME)
    victim.refresh_from_db()
    assert victim.status == Comment.Status.REJECTED


def test_editing_a_threat_keeps_the_evidence(article, post, client):
    assert post(article, "ya sabemos dónde vives, te va a cargar el payaso").status_code == 303
    threat = Comment.objects.get()
    assert threat.urgent and threat.status == Comment.Status.PENDING
    client.post(f"/en/comments/{threat.pk}/edit/", {"body": "sorry, a nice comment"}, headers=SAME)
    threat.refresh_from_db()
    assert "payaso" in threat.body
