"""Real public exports, unmodified, imported whole and checked post by post against the file.

For every published post of each file (read by real_exports.py with ElementTree, not by
the importer): its old address leads to the article, whose title, date and byline are
the file's, and whose page shows at least the words a reader saw in the original, unless
the import summary names the post as one that lost text. Every tag page and tag feed
answers, the sitemap lists the articles, and a second run changes nothing.
"""

import re
from datetime import datetime, timedelta
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from .conftest import run_import, snapshot
from .real_exports import CORPUS, published_posts, reader_html

WORD = re.compile(r"\w+")
INVISIBLE = ["script", "style", "noscript", "template"]


def words(html):
    soup = BeautifulSoup(html, "html.parser")
    for node in soup.find_all(INVISIBLE):
        node.decompose()
    return WORD.findall(soup.get_text(" ").lower())


def plain(text):
    return " ".join(BeautifulSoup(text, "html.parser").get_text().split()) or "Untitled"


def noted(summary, title):
    """What the import summary says of the post titled ``title``."""
    return "".join(line for line in summary.splitlines() if line.startswith(f"  “{title}” ("))


@pytest.fixture(params=CORPUS, ids=lambda export: export.name)
def export(request, tmp_path):
    corpus_file = request.param
    return (
        corpus_file,
        corpus_file.write(tmp_path),
        published_posts(corpus_file, corpus_file.data()),
    )


@pytest.mark.django_db
def test_every_published_post_arrives_whole(export, home):
    corpus_file, path, posts = export
    out, _ = run_import(corpus_file.kind, path, "--no-download", "--no-progress")
    assert "Imported" in out
    client = Client()
    for post in posts:
        response = client.get(post.old_path, follow=True)
        assert response.status_code == 200, (post.title, post.old_path)
        page = BeautifulSoup(response.content, "html.parser")
        article = page.find("article", class_="article")
        assert article is not None, (post.title, post.old_path, response.redirect_chain)
        title = plain(post.title)
        if article.h1.get_text(strip=True) != title:  # two posts of the file claim the path
            assert f"its old address {post.old_path} already leads elsewhere" in noted(out, title)
            continue
        byline = article.find(class_="byline")
        assert post.author in byline.get_text(), title
        shown = datetime.fromisoformat(article.find("time")["datetime"])
        if post.published:
            assert abs(shown - post.published) < timedelta(seconds=1), title
        else:  # the file gives no date: the summary says the post is dated today
            assert "no publication date" in noted(out, title), title
        tag_links = [a["href"] for a in article.select("p.tags a")]
        assert len(tag_links) >= len({t.lower() for t in post.tags}), title
        for href in tag_links:
            assert client.get(href).status_code == 200, (title, href)
        missing = set(words(reader_html(post))) - set(words(str(article)))
        if missing:  # allowed only where the summary says so, for this very post
            assert "not carried over" in noted(out, title), (title, sorted(missing))


@pytest.mark.django_db
def test_tag_pages_feeds_and_sitemap_answer(export, home):
    from taggit.models import Tag

    from cronica.news.models import ArticlePage

    corpus_file, path, posts = export
    run_import(corpus_file.kind, path, "--no-download", "--no-progress")
    client = Client()
    used = Tag.objects.filter(news_articletag_items__isnull=False).distinct()
    names = {" ".join(t.split()).lower() for post in posts for t in post.tags}
    assert {t.name.lower() for t in used} >= names
    for tag in used:
        base = f"/en/tags/{quote(tag.slug)}/"
        assert client.get(base).status_code == 200, tag.name
        assert client.get(base + "feed/rss/").status_code == 200, tag.name
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    for article in ArticlePage.objects.live()[:20]:
        assert article.slug in sitemap.content.decode()


@pytest.mark.django_db
def test_a_second_run_changes_nothing(export, home):
    corpus_file, path, _ = export
    run_import(corpus_file.kind, path, "--no-download", "--no-progress")
    before = snapshot()
    out, _ = run_import(corpus_file.kind, path, "--no-download", "--no-progress")
    assert snapshot() == before
    assert "Imported 0 posts" in out
