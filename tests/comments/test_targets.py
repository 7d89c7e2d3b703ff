"""The article and comment settings a POST uses come from memory (comments/targets.py)
while nothing that decides them changed, and every change takes effect on the next POST:
in this process through the signals, in the others through the shared version (cronica/core/versions.py)."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cronica.comments import targets
from cronica.comments.models import ArticleCommentPolicy, Comment, CommentSettings, Mode
from cronica.core import versions
from cronica.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def _queries_of(post, article, body):
    with CaptureQueriesContext(connection) as captured:
        response = post(article, body)
    assert response.status_code == 303
    return " ".join(q["sql"] for q in captured.captured_queries)


def test_a_second_post_reads_neither_the_article_nor_the_settings(article, post, home):
    CommentSettings.for_site(home.get_site())  # as on a site that has them already
    first = _queries_of(post, article, "The first comment on this article.")
    assert "wagtailcore_page" in first and "comments_commentsettings" in first
    second = _queries_of(post, article, "The second comment on this article.")
    assert "wagtailcore_page" not in second
    assert "comments_commentsettings" not in second


def test_closing_the_article_refuses_the_next_post(article, post):
    assert post(article, "Before it closed.").status_code == 303
    article.comments_closed = True
    article.save_revision().publish()
    assert post(article, "After it closed.").status_code == 403


def test_unpublishing_the_article_refuses_the_next_post(article, post):
    assert post(article, "Before it went down.").status_code == 303
    article.unpublish()
    assert post(article, "After it went down.").status_code == 404


def test_a_new_mode_applies_to_the_next_post(article, post, home):
    settings = CommentSettings.for_site(home.get_site())
    settings.mode = Mode.PUBLISH_THEN_REVIEW
    settings.save()
    post(article, "Published, then reviewed.")
    ArticleCommentPolicy.objects.create(article=article, mode=Mode.HOLD_ALL)
    post(article, "Held: this article holds everything now.")
    statuses = dict(Comment.objects.values_list("body", "status"))
    assert statuses["Published, then reviewed."] == Comment.Status.PUBLISHED
    assert statuses["Held: this article holds everything now."] == Comment.Status.PENDING


def test_a_change_made_by_another_process_applies_to_the_next_post(article, post):
    assert post(article, "Before another process closed it.").status_code == 303
    # Another process saved the article: here no signal fires, only the shared
    # version changes (as its forget_all would set it).
    ArticlePage.objects.filter(pk=article.pk).update(comments_closed=True)
    caches["pages"].set(versions.PREFIX + targets.VERSION, "set by another process", None)
    assert post(article, "After another process closed it.").status_code == 403


def test_what_a_process_keeps_is_bounded(article, post, monkeypatch):
    monkeypatch.setattr(targets, "MAX_ENTRIES", 1)
    monkeypatch.setitem(targets._targets, -1, object())  # another article, kept before
    assert post(article, "A comment on this article.").status_code == 303
    assert list(targets._targets) == [article.pk]
