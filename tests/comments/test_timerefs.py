"""Timestamp references ("9:35 - never going to happen") link to the comment posted at that
displayed time: the nearest earlier one, in the site's time zone."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from cronica.comments.models import Comment

pytestmark = pytest.mark.django_db
LOCAL = ZoneInfo("America/Mexico_City")


def _comment(article, body, hour, minute, day=2):
    return Comment.objects.create(
        article=article,
        body=body,
        status=Comment.Status.PUBLISHED,
        created_at=datetime(2023, 10, day, hour, minute, tzinfo=LOCAL),
    )


def _links(client, article):
    import re

    html = client.get(article.url).content.decode()
    return re.findall(r'<a class="timeref" href="#c(\d+)">([^<]+)</a>', html)


def test_reference_links_to_the_nearest_earlier_comment_at_that_time(client, article):
    older = _comment(article, "Same minute, a day earlier", 9, 35, day=1)
    target = _comment(article, "Nine tons in one box", 9, 35)
    _comment(article, "Unrelated", 10, 1)
    answer = _comment(article, "9:35 - Never going to happen", 10, 5)
    links = _links(client, article)
    assert links == [(str(target.pk), "9:35")]
    assert older.pk != target.pk and answer.pk


@pytest.mark.parametrize(
    "written,hour,minute",
    [
        ("@10:09 and the GOM?", 10, 9),
        ("9:35 pm you are wrong", 21, 35),
        ("21:35 you are wrong", 21, 35),
        ("12:09 and the GOM...", 12, 9),
        ("9:35 PM. exactly", 21, 35),
    ],
)
def test_written_forms(client, article, written, hour, minute):
    target = _comment(article, "target", hour, minute)
    _comment(article, written, 23, 59)
    assert [pk for pk, _ in _links(client, article)] == [str(target.pk)]


def test_am_pm_distinguishes_and_bare_time_takes_the_latest(client, article):
    morning = _comment(article, "morning", 9, 35)
    evening = _comment(article, "evening", 21, 35)
    _comment(article, "9:35 am was right, 9:35 pm was not, 9:35 who knows", 22, 0)
    assert _links(client, article) == [
        (str(morning.pk), "9:35 am"),
        (str(evening.pk), "9:35 pm"),
        (str(evening.pk), "9:35"),
    ]


def test_no_link_to_later_or_unpublished_comments_or_inside_urls(client, article):
    _comment(article, "see 10:30 and http://example.com/10:00 and 3:15", 10, 0)
    _comment(article, "later one", 10, 30)
    hidden = _comment(article, "held", 3, 15)
    hidden.status = Comment.Status.PENDING
    hidden.save()
    assert _links(client, article) == []


def test_times_follow_the_site_time_zone(client, article, settings):
    settings.TIME_ZONE = "America/Tijuana"  # UTC-7 in October 2023; Mexico City is UTC-6
    target = _comment(article, "posted at 9:35 Mexico City time", 9, 35)
    _comment(article, "8:35 right", 11, 0)
    assert _links(client, article) == [(str(target.pk), "8:35")]
