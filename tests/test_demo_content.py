"""The demo newsroom's content: it loads idempotently, every article renders in both
languages with its published comments, and the words themselves keep the shape the
issue asks for (threaded comments that answer each other by displayed time, a few held
for moderation, images with captions, sources, contributors with bios in both
languages)."""

import io
import re
from datetime import datetime
from html import unescape

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags

from cronica.comments.models import Comment
from cronica.news.demo import content
from cronica.news.demo.images import MOTIFS
from cronica.news.images import CleanImage
from cronica.news.models import ArticleByline, ArticlePage, ArticleSource, Contributor

# "9:35 - ...", "@10:09 ...", "1:15 - ...": a reply naming the comment it answers by the
# time shown on it (12-hour clock, as comments/comment.html prints it).
TIME_REFERENCE = re.compile(r"(?:^|@)(\d{1,2}:\d{2})\b")


def _flatten(items, parent=None):
    for item in items:
        yield item, parent
        yield from _flatten(item.get("replies", []), item)


def _shown_time(at):
    """The time as the comment template shows it ("g:i"): 13:15 -> "1:15"."""
    moment = datetime.fromisoformat(at)
    return f"{(moment.hour % 12) or 12}:{moment.minute:02d}"


def _counts():
    return {
        "articles": ArticlePage.objects.count(),
        "comments": Comment.objects.count(),
        "contributors": Contributor.objects.count(),
        "images": CleanImage.objects.count(),
        "bylines": ArticleByline.objects.count(),
        "sources": ArticleSource.objects.count(),
        "revisions": sum(p.revisions.count() for p in ArticlePage.objects.all()),
    }


@pytest.mark.django_db
def test_demo_loads_twice_without_changing_anything(demo):
    before = _counts()
    assert before["articles"] == len(content.ARTICLES)
    # The article threads from content.py, beside the comments app's queue examples.
    threads = Comment.objects.exclude(external_id__startswith="demo-queue:")
    assert threads.count() == sum(len(list(_flatten(a["comments"]))) for a in content.ARTICLES)
    call_command("demo", stdout=io.StringIO())
    assert _counts() == before
    held = threads.filter(origin=Comment.Origin.DEMO, status=Comment.Status.PENDING)
    assert held.count() >= 3  # the moderation queue has work
    # In the article threads nothing hangs from a held comment (the queue examples do
    # include a held reply to a held comment, to show the parent-in-context view).
    assert not held.filter(replies__isnull=False).exists()


def _page_text(html):
    """What a reader sees: tags stripped (time references may be links), entities read."""
    return unescape(strip_tags(html))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_article_renders_with_its_comments(client, demo, language):
    for spec in content.ARTICLES:  # one demo load for all articles: loading is slow
        response = client.get(f"/{language}/{spec['slug']}/")
        assert response.status_code == 200, spec["slug"]
        html = response.content.decode()
        text = _page_text(html)
        assert spec["title"] in text
        for kind, value in spec["body"]:
            if kind == "image":
                assert value["caption"] in text
        for outlet, url in spec["sources"]:
            assert outlet in text and url in html
        comments = [item for item, _ in _flatten(spec["comments"])]
        published = [c for c in comments if c.get("status") != content.PENDING]
        for item in comments:
            assert (item["body"] in text) == (item in published), item["body"]
        assert html.count('class="comment-body') == len(published), spec["slug"]
        assert html.count('class="comment reply"') == len(
            [c for c in published if "." in c["id"]]
        ), spec["slug"]


def test_articles_are_mixed_english_and_spanish():
    languages = [spec["language"] for spec in content.ARTICLES]
    assert 8 <= len(languages) <= 10
    assert abs(languages.count("en") - languages.count("es")) <= 1
    assert len({spec["slug"] for spec in content.ARTICLES}) == len(languages)


@pytest.mark.parametrize("spec", content.ARTICLES, ids=lambda spec: spec["slug"])
def test_article_shape(spec):
    kinds = [kind for kind, _ in spec["body"]]
    assert 5 <= kinds.count("paragraph") <= 10
    assert 1 <= kinds.count("heading") <= 2
    images = [value for kind, value in spec["body"] if kind == "image"]
    assert images and all(value["caption"] and value["image"] in content.IMAGES for value in images)
    assert spec["lead_image"] in content.IMAGES
    assert spec["summary"] and spec["tags"] and spec["sources"]
    assert all(url.startswith("https://") for _, url in spec["sources"])
    pen_names = {c["pen_name"] for c in content.CONTRIBUTORS}
    assert spec["authors"] and set(spec["authors"]) <= pen_names


def test_images_and_contributors_are_complete():
    assert 2 <= len(content.CONTRIBUTORS) <= 3
    assert all(c["bio"] and c["bio_es"] for c in content.CONTRIBUTORS)
    titles = [spec["title"] for spec in content.IMAGES.values()]
    assert len(set(titles)) == len(titles)  # the loader finds images again by title
    for spec in content.IMAGES.values():
        assert spec["motif"] in MOTIFS and spec["alt"] and spec["credit"]


@pytest.mark.parametrize("spec", content.ARTICLES, ids=lambda spec: spec["slug"])
def test_comment_threads_are_coherent(spec):
    items = list(_flatten(spec["comments"]))
    assert 5 <= len(items) <= 20
    ids = [item["id"] for item, _ in items]
    assert len(set(ids)) == len(ids)
    published_at = datetime.fromisoformat(spec["published"])
    for item, parent in items:
        at = datetime.fromisoformat(item["at"])
        assert at > published_at, item["body"]
        if parent is not None:
            assert at > datetime.fromisoformat(parent["at"]), item["body"]
        for reference in TIME_REFERENCE.findall(item["body"]):
            earlier = [
                other
                for other, _ in items
                if _shown_time(other["at"]) == reference
                and other.get("status") != content.PENDING
                and datetime.fromisoformat(other["at"]) < at
            ]
            assert earlier, f"{item['body']!r} answers {reference}, which nobody wrote"


def test_demo_is_threaded_with_replies_to_replies_and_time_references():
    items = [item for spec in content.ARTICLES for item, _ in _flatten(spec["comments"])]
    assert any(item["id"].count(".") >= 2 for item in items)
    assert sum(bool(TIME_REFERENCE.search(item["body"])) for item in items) >= 20
    assert sum(not item["name"] for item in items) > len(items) / 2  # mostly anonymous
