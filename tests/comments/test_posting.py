"""Posting and replying through the real views: held for moderation, sanitised, no cookie
on the pages a reader merely reads, cross-site posts refused."""

import pytest

from cronica.comments.models import Comment, Reader
from cronica.comments.reader import COOKIE

pytestmark = pytest.mark.django_db


def test_a_comment_is_held_and_the_poster_sees_its_status(client, article, post):
    response = post(article, "The port of Manzanillo has been theirs for years.")
    assert response.status_code == 303
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.author_name == "" and comment.reader is not None
    assert response["Location"] == f"/en/comments/{comment.pk}/"
    cookie = response.cookies[COOKIE]
    assert cookie["path"] == "/en/comments/" and cookie["httponly"]
    status = client.get(response["Location"])
    assert status.status_code == 200
    assert b"held for moderation" in status.content
    assert b"theirs for years" in status.content
    # Not on the article until an editor approves it.
    page = client.get(article.url)
    assert b"theirs for years" not in page.content


def test_reading_the_article_sets_no_cookie(client, article, post):
    post(article, "first")
    Comment.objects.update(status=Comment.Status.PUBLISHED)
    fresh = client.__class__()
    for url in (article.url, f"/en/comments/{Comment.objects.get().pk}/reply/"):
        response = fresh.get(url)
        assert response.status_code == 200
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", "")
        assert b"csrfmiddlewaretoken" not in response.content


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {},
    ],
)
def test_cross_site_posts_are_refused_and_change_nothing(article, post, headers):
    response = post(article, "planted from elsewhere", headers=headers)
    assert response.status_code == 403
    assert not Comment.objects.exists() and not Reader.objects.exists()
    assert COOKIE not in response.cookies


def test_origin_header_alone_is_accepted_when_it_is_this_site(article, post):
    response = post(article, "old browser", headers={"Origin": "http://testserver"})
    assert response.status_code == 303


def test_reply_nests_under_its_parent_and_numbering_follows(client, article, post):
    post(article, "Top comment")
    top = Comment.objects.get()
    top.status = Comment.Status.PUBLISHED
    top.save()
    response = post(article, "An answer", parent=str(top.pk))
    assert response.status_code == 303
    reply = Comment.objects.get(body="An answer")
    assert reply.parent_id == top.pk
    Comment.objects.filter(pk=reply.pk).update(status=Comment.Status.PUBLISHED)
    html = client.get(article.url).content.decode()
    assert (
        html.index(f'id="c{top.pk}"')
        < html.index('class="replies"')
        < html.index(f'id="c{reply.pk}"')
    )


def test_reply_to_an_unpublished_comment_is_refused(article, post):
    post(article, "pending one")
    pending = Comment.objects.get()
    response = post(article, "answer", parent=str(pending.pk))
    assert response.status_code == 400
    assert Comment.objects.count() == 1


def test_text_is_cleaned_and_rendered_inert_with_safe_links(client, article, post):
    body = (
        "<script>alert(1)</script> see https://example.org/x?a=1&b=2\u202e\u200b"
        "\n\n\n\n\nsecond paragraph"
    )
    post(article, body, name="  <b>El\u200b Güero</b>  ")
    comment = Comment.objects.get()
    assert comment.author_name == "<b>El Güero</b>"
    assert "\u202e" not in comment.body and "\u200b" not in comment.body
    assert comment.body.endswith("x?a=1&b=2\n\nsecond paragraph")
    Comment.objects.update(status=Comment.Status.PUBLISHED)
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;El Güero&lt;/b&gt;" in html
    assert (
        '<a href="https://example.org/x?a=1&amp;b=2" rel="nofollow ugc noopener noreferrer">'
    ) in html
    assert "<p>second paragraph</p>" in html


@pytest.mark.parametrize(
    "body,name,error",
    [
        ("", "", b"This field is required"),
        ("\u200b\u202e ", "", b"The comment is empty"),
        ("x" * 4001, "", b"at most 4000 characters"),
        ("fine", "n" * 61, b"at most 60 characters"),
    ],
)
def test_bad_input_gets_a_clear_error_and_stores_nothing(article, post, body, name, error):
    response = post(article, body, name=name)
    assert response.status_code == 400
    assert error in response.content
    assert not Comment.objects.exists()


def test_spanish_form_and_anonymous_name(client, article, post):
    post(article, "Eso ya se sabía en Colima", lang="es")
    Comment.objects.update(status=Comment.Status.PUBLISHED)
    html = client.get("/es" + article.url[3:]).content.decode()
    assert "Anónimo" in html
    assert 'action="/es/comments/post/' in html


def test_closed_article_shows_no_form_and_refuses_posts(client, article, post):
    article.comments_closed = True
    article.save_revision().publish()
    assert b'id="comment-form"' not in client.get(article.url).content
    assert post(article, "too late").status_code == 403
    assert not Comment.objects.exists()


def test_honeypot_goes_to_spam_without_screening(article, post):
    post(article, "buy things", website="http://bot.example")
    assert Comment.objects.get().status == Comment.Status.SPAM


def test_flood_from_one_client_is_limited(article, post):
    codes = [post(article, f"comment {i}").status_code for i in range(7)]
    assert codes[:5] == [303] * 5 and codes[5:] == [429, 429]
    assert Comment.objects.count() == 5
