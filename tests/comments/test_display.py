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


def test_deep_replies_nest_to_the_limit_then_say_whom_they_answer(client, article):
    from cronica.comments.display import MAX_DEPTH, comment_thread

    chain, parent = [], None
    for n in range(8):
        parent = Comment.objects.create(
            article=article,
            parent=parent,
            author_name=f"Reader {n}",
            body=f"Reply {n}",
            status=Comment.Status.PUBLISHED,
        )
        chain.append(parent)
    sibling = Comment.objects.create(
        article=article, parent=chain[1], body="Beside", status=Comment.Status.PUBLISHED
    )
    (top,) = comment_thread(article)
    item, depths = top, []
    while item.replies:
        depths.append(item.depth)
        item = item.replies[0]
    assert depths == list(range(MAX_DEPTH))
    last_level = [i.comment for i in item.siblings]
    assert last_level == chain[MAX_DEPTH:]  # in time order, at the last level
    assert [i.in_reply_to for i in item.siblings] == [None] + chain[MAX_DEPTH:-1]
    html = client.get(article.url).content.decode()
    for answered in chain[MAX_DEPTH:-1]:
        cue = (
            f'<a class="in-reply-to" href="#c{answered.pk}">in reply to {answered.author_name}</a>'
        )
        assert cue in html
    assert html.count('class="in-reply-to"') == len(chain) - MAX_DEPTH - 1
    assert f'id="c{sibling.pk}"' in html and "8 comments" not in html and "9 comments" in html
