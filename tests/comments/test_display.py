"""What readers see: counts on listings, imported comments threaded like native ones, and
a reply under an unpublished parent still shown."""

import pytest

from cronica.comments import moderation
from cronica.comments.models import Comment

pytestmark = pytest.mark.django_db


def test_listing_counts_follow_approvals(client, article, post):
    post(article, "counted once approved")
    assert "1 comment" not in client.get("/en/").content.decode()
    moderation.decide(Comment.objects.all(), moderation.APPROVE)
    assert "1 comment" in client.get("/en/").content.decode()


def test_imported_comments_are_threaded_like_native_ones(client, article):
    top = Comment.objects.create(
        article=article,
        body="From the old Blogger blog",
        origin=Comment.Origin.BLOGGER,
        external_id="b-1",
        status=Comment.Status.PUBLISHED,
    )
    reply = Comment.objects.create(
        article=article,
        body="A WordPress-era answer",
        parent=top,
        origin=Comment.Origin.WORDPRESS,
        external_id="w-1",
        status=Comment.Status.PUBLISHED,
    )
    native = Comment.objects.create(
        article=article, body="Posted here", parent=top, status=Comment.Status.PUBLISHED
    )
    html = client.get(article.url).content.decode()
    start = html.index(f'id="c{top.pk}"')
    replies = html.index('class="replies"', start)
    assert start < replies < html.index(f'id="c{reply.pk}"') < html.index(f'id="c{native.pk}"')
    assert "2 comments" not in html and "3 comments" in html


def test_reply_under_a_held_parent_still_shows(client, article):
    held = Comment.objects.create(article=article, body="held parent")
    reply = Comment.objects.create(
        article=article, body="visible reply", parent=held, status=Comment.Status.PUBLISHED
    )
    html = client.get(article.url).content.decode()
    assert "held parent" not in html and f'id="c{reply.pk}"' in html


def test_demo_fills_the_queue_once(demo):
    import io

    from django.core.management import call_command

    queued = Comment.objects.filter(external_id__startswith="demo-queue:")
    assert queued.count() == 6
    assert queued.filter(urgent=True).count() == 1
    call_command("demo", stdout=io.StringIO())
    assert queued.count() == 6
