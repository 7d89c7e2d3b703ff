"""The form under an article reads its site's comment settings from a per-process copy
(cronica/comments/kept_settings.py): no query once kept, and a saved or deleted settings
row or site takes effect at the next render."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cronica.comments.models import CommentSettings

pytestmark = pytest.mark.django_db

CLOSED = "Comments on this article are closed."


@pytest.fixture
def uncached(settings):
    settings.CRONICA_FRAGMENT_SECONDS = 0  # the copy is used whether fragments are kept


def render(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    reads = [q["sql"] for q in queries if "comments_commentsettings" in q["sql"]]
    return response.content.decode(), reads


def test_the_first_render_makes_the_settings_and_later_ones_read_none(client, article, uncached):
    assert not CommentSettings.objects.exists()
    html, reads = render(client, article.url)
    assert reads and 'id="comment-form"' in html
    assert CommentSettings.objects.count() == 1
    html, reads = render(client, article.url)
    assert not reads and 'id="comment-form"' in html


def test_a_new_closing_age_applies_at_the_next_render(
    client, article, uncached, django_capture_on_commit_callbacks
):
    article.first_published_at = timezone.now() - timedelta(days=10)
    article.save()
    assert 'id="comment-form"' in render(client, article.url)[0]
    with django_capture_on_commit_callbacks(execute=True):
        settings = CommentSettings.objects.get()
        settings.close_after_days = 7
        settings.save()
    html, reads = render(client, article.url)
    assert CLOSED in html and 'id="comment-form"' not in html and reads
    assert CLOSED in render(client, article.url)[0]  # kept: no query, still closed
    with django_capture_on_commit_callbacks(execute=True):
        settings.close_after_days = 30
        settings.save()
    assert 'id="comment-form"' in render(client, article.url)[0]


def test_deleted_settings_are_made_again_with_the_defaults(
    client, article, uncached, django_capture_on_commit_callbacks
):
    article.first_published_at = timezone.now() - timedelta(days=10)
    article.save()
    render(client, article.url)
    CommentSettings.objects.update(close_after_days=7)  # no save: not seen while kept
    assert 'id="comment-form"' in render(client, article.url)[0]
    with django_capture_on_commit_callbacks(execute=True):
        CommentSettings.objects.get().delete()
    html, reads = render(client, article.url)
    assert 'id="comment-form"' in html and reads
    assert CommentSettings.objects.get().close_after_days == 0


def test_a_site_change_reads_the_settings_again(
    client, article, home, uncached, django_capture_on_commit_callbacks
):
    render(client, article.url)
    with django_capture_on_commit_callbacks(execute=True):
        site = home.get_site()
        site.site_name = "Crónica del puerto"
        site.save()
    assert render(client, article.url)[1]
