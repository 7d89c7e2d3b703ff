"""The thread's markup is kept between renders (cronica/comments/threads.py) and built
afresh when one of the article's comments is approved, edited, removed or answered; the
section is rendered with the page's context, without running context processors again."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cronica.comments import moderation
from cronica.comments.models import Comment

pytestmark = pytest.mark.django_db


def published(article, body, **kw):
    return Comment.objects.create(article=article, body=body, status=Comment.Status.PUBLISHED, **kw)


def render(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_the_kept_thread_is_the_fresh_one_without_its_queries(client, article, settings):
    top = published(article, "Everybody in Colima knows it.")
    published(article, "9:35 AM eso es lo que agarraron", parent=top)
    settings.CRONICA_FRAGMENT_SECONDS = 0
    fresh, fresh_queries = render(client, article.url)
    settings.CRONICA_FRAGMENT_SECONDS = 3600
    stored, _ = render(client, article.url)
    kept, kept_queries = render(client, article.url)
    assert kept == stored == fresh and "2 comments" in kept
    # Fragments off: the parts' prefetch (three queries) and the thread's query.
    assert kept_queries <= fresh_queries - 4


def test_an_approval_shows_the_comment(client, article, django_capture_on_commit_callbacks):
    published(article, "First one")
    held = Comment.objects.create(article=article, body="Held until approved")
    assert "Held until approved" not in render(client, article.url)[0]
    with django_capture_on_commit_callbacks(execute=True):
        moderation.decide([held], moderation.APPROVE)
    html, _ = render(client, article.url)
    assert "Held until approved" in html and "2 comments" in html


def test_an_edit_shows_the_new_text(client, article, django_capture_on_commit_callbacks):
    comment = published(article, "Typo in thsi one")
    render(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        comment.body = "Typo fixed in this one"
        comment.edited_at = timezone.now()
        comment.save()
    html, _ = render(client, article.url)
    assert "Typo fixed in this one" in html and "thsi" not in html


@pytest.mark.parametrize("how", ["rejected", "deleted by its author", "deleted"])
def test_a_removed_comment_disappears(client, article, how, django_capture_on_commit_callbacks):
    published(article, "Stays")
    gone = published(article, "Goes away")
    assert "Goes away" in render(client, article.url)[0]
    with django_capture_on_commit_callbacks(execute=True):
        if how == "rejected":
            moderation.decide([gone], moderation.REJECT, reason="insult")
        elif how == "deleted by its author":
            gone.status = Comment.Status.DELETED
            gone.save()
        else:
            gone.delete()
    html, _ = render(client, article.url)
    assert "Goes away" not in html and "1 comment" in html


def test_a_reply_shows_under_its_comment(client, article, django_capture_on_commit_callbacks):
    top = published(article, "Question")
    render(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        reply = published(article, "Answer", parent=top)
    html, _ = render(client, article.url)
    assert html.index(f'id="c{top.pk}"') < html.index('class="replies"')
    assert html.index('class="replies"') < html.index(f'id="c{reply.pk}"')


def test_each_language_keeps_its_own_thread(client, article):
    published(article, "Hola")
    assert ">Reply</a>" in render(client, article.url)[0]
    html, _ = render(client, article.url.replace("/en/", "/es/", 1))
    assert ">Responder</a>" in html and ">Reply</a>" not in html


calls = []


def counting(request):
    calls.append(request.path)
    return {}


def test_context_processors_run_once_per_render(client, article, settings):
    published(article, "Hola")
    engine = dict(settings.TEMPLATES[0])
    engine["OPTIONS"] = {
        **engine["OPTIONS"],
        "context_processors": [
            *engine["OPTIONS"]["context_processors"],
            f"{__name__}.counting",
        ],
    }
    settings.TEMPLATES = [engine]
    calls.clear()
    html, _ = render(client, article.url)
    assert "Hola" in html and 'id="comment-form"' in html
    assert calls == [article.url]


def test_a_held_comment_keeps_the_thread_until_it_is_approved(
    client, article, post, django_capture_on_commit_callbacks
):
    from cronica.comments.threads import _version_name
    from cronica.core import versions

    published(article, "First one")
    render(client, article.url)
    before = versions.current(_version_name(article.pk))
    with django_capture_on_commit_callbacks(execute=True):
        assert post(article, "Held for an editor").status_code == 303
    held = Comment.objects.get(body="Held for an editor")
    assert held.status == Comment.Status.PENDING
    assert versions.current(_version_name(article.pk)) == before  # nothing public changed
    with CaptureQueriesContext(connection) as queries:
        assert "Held for an editor" not in client.get(article.url).content.decode()
    thread_queries = [q for q in queries.captured_queries if 'FROM "comments_comment"' in q["sql"]]
    assert not thread_queries  # the kept thread
    with django_capture_on_commit_callbacks(execute=True):
        moderation.decide([held], moderation.APPROVE)
    html, _ = render(client, article.url)
    assert "Held for an editor" in html and "2 comments" in html
