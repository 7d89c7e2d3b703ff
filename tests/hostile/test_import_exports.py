"""Hostile WordPress and Blogger (Takeout) exports, written here: thousands of comments threaded hundreds deep,
parent loops, a reply whose parent is on another post, the same id twice, and post and
comment bodies full of hostile markup. Each is imported through `cronica import`'s real
code (in process, on the suite's database); what gets in must keep the comment threads'
rules, and the imported article must render inert in the real Chromium.
"""

from datetime import UTC, datetime, timedelta
from xml.sax.saxutils import escape

import pytest
from django.core.management.base import CommandError

from cronica.comments.models import Comment
from cronica.news.models import ArticlePage
from tests.importers.conftest import run_import, snapshot

BASE = "https://hostile.example"
START = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)


def comment_xml(cid, parent=0, minutes=0, body="A reader's words.", approved="1", author="Lector"):
    when = (START + timedelta(minutes=minutes)).strftime("%Y-%m-%d %H:%M:%S")
    return (
        f"<wp:comment><wp:comment_id>{cid}</wp:comment_id>"
        f"<wp:comment_author><![CDATA[{author}]]></wp:comment_author>"
        f"<wp:comment_date_gmt>{when}</wp:comment_date_gmt>"
        f"<wp:comment_content>{escape(body)}</wp:comment_content>"
        f"<wp:comment_approved>{approved}</wp:comment_approved>"
        f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
    )


def post_xml(pid, comments="", body="<p>A post.</p>", title=None):
    title = title or f"Post {pid}"
    return (
        f"<item><title>{escape(title)}</title><link>{BASE}/2024/03/post-{pid}/</link>"
        f"<wp:post_id>{pid}</wp:post_id>"
        f"<wp:post_date_gmt>2024-03-01 10:00:00</wp:post_date_gmt>"
        f"<content:encoded>{escape(body)}</content:encoded>"
        f"<wp:post_name>post-{pid}</wp:post_name><wp:status>publish</wp:status>"
        f"<wp:post_type>post</wp:post_type>{comments}</item>"
    )


def export(tmp_path, *items, name="export.xml"):
    path = tmp_path / name
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Hostile</title>'
        f"<link>{BASE}</link><wp:wxr_version>1.2</wp:wxr_version>"
        f"<wp:base_blog_url>{BASE}</wp:base_blog_url>" + "".join(items) + "</channel></rss>",
        encoding="utf-8",
    )
    return path


BLOG = "tag:blogger.com,1999:blog-9009"


def takeout_entry(kind, number, parent="", reply_to="", body="Words.", minutes=0):
    when = (START + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    extra = (
        f"<blogger:filename>/2024/03/post-{number}.html</blogger:filename>"
        if kind == "POST"
        else f"<blogger:parent>{BLOG}.post-{parent}</blogger:parent>"
        f"<blogger:inReplyTo>{f'{BLOG}.post-{reply_to}' if reply_to else ''}"
        "</blogger:inReplyTo>"
    )
    return (
        f"<entry><id>{BLOG}.post-{number}</id><blogger:type>{kind}</blogger:type>"
        f"<blogger:status>LIVE</blogger:status><author><name>Lector</name></author>"
        f"<title>Post {number}</title><content type='html'>{escape(body)}</content>"
        f"<published>{when}</published>{extra}</entry>"
    )


def takeout(tmp_path, *entries):
    path = tmp_path / "feed.atom"
    path.write_text(
        "<?xml version='1.0' encoding='utf-8'?>\n<feed xmlns='http://www.w3.org/"
        "2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>"
        f"<id>{BLOG}</id><title>Hostile</title>{''.join(entries)}</feed>",
        encoding="utf-8",
    )
    return path


def depth_of(pk, parents):
    """How many ancestors ``pk`` has; fails on a loop instead of hanging."""
    depth, seen = 0, {pk}
    while parents.get(pk):
        pk = parents[pk]
        assert pk not in seen, f"parent loop through comment {pk}"
        seen.add(pk)
        depth += 1
    return depth


@pytest.mark.slow  # over 10 s: 5,000 comments imported and rendered
@pytest.mark.django_db
def test_five_thousand_comments_threaded_two_hundred_deep(home, tmp_path, client):
    chains, depth = 25, 200
    comments = []
    for chain in range(chains):
        for level in range(depth):
            cid = chain * depth + level + 1
            # Half the chains are dated newest first: replies before their parents.
            minutes = chain * depth + (level if chain % 2 else depth - level)
            comments.append(
                comment_xml(cid, cid - 1 if level else 0, minutes, f"chain {chain} level {level}")
            )
    run_import("wxr", export(tmp_path, post_xml(1, "".join(comments))))
    article = ArticlePage.objects.get()
    stored = Comment.objects.filter(article=article)
    assert stored.count() == chains * depth
    parents = dict(stored.values_list("pk", "parent_id"))
    depths = [depth_of(pk, parents) for pk in parents]
    assert max(depths) == depth - 1 and depths.count(0) == chains
    by_body = dict(stored.values_list("body", "pk"))
    for chain in (0, 1, 24):
        deepest = by_body[f"chain {chain} level {depth - 1}"]
        assert depth_of(deepest, parents) == depth - 1
        assert parents[deepest] == by_body[f"chain {chain} level {depth - 2}"]
    page = client.get(article.url)
    assert page.status_code == 200
    assert b"chain 24 level 199" in page.content


@pytest.mark.django_db
def test_parent_loops_are_broken_and_every_comment_kept(home, tmp_path, client):
    comments = [
        comment_xml(1, 2, 1, "two-loop A"),
        comment_xml(2, 1, 2, "two-loop B"),
        comment_xml(3, 3, 3, "answers itself"),
        comment_xml(4, 6, 4, "three-loop A"),
        comment_xml(5, 4, 5, "three-loop B"),
        comment_xml(6, 5, 6, "three-loop C"),
        comment_xml(7, 999, 7, "parent never existed"),
        comment_xml(8, 1, 8, "answers the loop"),
    ]
    run_import("wxr", export(tmp_path, post_xml(1, "".join(comments))))
    article = ArticlePage.objects.get()
    parents = dict(Comment.objects.values_list("pk", "parent_id"))
    assert len(parents) == 8
    for pk in parents:
        depth_of(pk, parents)  # no loop stored
    by_body = dict(Comment.objects.values_list("body", "pk"))
    assert parents[by_body["answers itself"]] is None
    assert parents[by_body["parent never existed"]] is None
    page = client.get(article.url)
    assert page.status_code == 200
    for body in by_body:
        assert body.encode() in page.content


@pytest.mark.django_db
def test_blogger_parent_loops_are_broken_and_every_comment_kept(home, tmp_path, client):
    run_import(
        "blogger",
        takeout(
            tmp_path,
            takeout_entry("POST", 1, body="<p>The post.</p>"),
            takeout_entry("COMMENT", 11, 1, 12, "loop A", 1),
            takeout_entry("COMMENT", 12, 1, 11, "loop B", 2),
            takeout_entry("COMMENT", 13, 1, 13, "answers itself", 3),
            takeout_entry("COMMENT", 14, 1, 999, "parent never existed", 4),
        ),
    )
    parents = dict(Comment.objects.values_list("pk", "parent_id"))
    assert len(parents) == 4
    for pk in parents:
        depth_of(pk, parents)
    page = client.get(ArticlePage.objects.get().url)
    assert page.status_code == 200 and b"parent never existed" in page.content


def _wordpress_reply_across_posts(tmp_path):
    run_import(
        "wxr",
        export(
            tmp_path,
            post_xml(1, comment_xml(10, 0, 1, "on the first post")),
            post_xml(2, comment_xml(20, 10, 2, "claims to answer the first post")),
        ),
    )


def _blogger_reply_across_posts(tmp_path):
    run_import(
        "blogger",
        takeout(
            tmp_path,
            takeout_entry("POST", 1),
            takeout_entry("POST", 2),
            takeout_entry("COMMENT", 10, 1, "", "on the first post", 1),
            takeout_entry("COMMENT", 20, 2, 10, "claims to answer the first post", 2),
        ),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("make", [_wordpress_reply_across_posts, _blogger_reply_across_posts])
def test_a_parent_on_another_post_is_not_kept(home, tmp_path, make):
    make(tmp_path)
    reply = Comment.objects.get(body="claims to answer the first post")
    # The only comment it could answer is on the other post: it stands on its own, on its
    # own post, and is kept.
    assert reply.parent_id is None
    assert reply.article_id != Comment.objects.get(body="on the first post").article_id


@pytest.mark.django_db
@pytest.mark.parametrize(
    "items, message",
    [
        (
            [post_xml(1, comment_xml(7, body="first")), post_xml(2, comment_xml(7, body="again"))],
            "appears twice",
        ),
        ([post_xml(1, comment_xml(7) + comment_xml(7))], "appears twice"),
        ([post_xml(1, comment_xml("x7"))], "numeric wp:comment_id"),
        ([post_xml("1; DROP TABLE")], "numeric wp:post_id"),
    ],
)
def test_duplicate_and_malformed_ids_are_refused_whole(home, tmp_path, items, message):
    before = snapshot()
    with pytest.raises(CommandError) as error:
        run_import("wxr", export(tmp_path, *items))
    assert "Nothing was imported." in str(error.value) and message in str(error.value)
    assert snapshot() == before


@pytest.mark.django_db
def test_a_repeated_post_id_keeps_both_items_and_says_so(home, tmp_path):
    """Hand-edited real exports repeat ids (pelican's test export does): both items are
    the file's posts, so both come in, and the summary names the second."""
    out, _ = run_import("wxr", export(tmp_path, post_xml(1), post_xml(1, title="Post uno")))
    assert "Imported 2 posts" in out
    assert "“Post uno” (/2024/03/post-1/): shares the WordPress id 1 with an earlier" in out
    again, _ = run_import("wxr", export(tmp_path, post_xml(1), post_xml(1, title="Post uno")))
    assert "Imported 0 posts" in again


SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(11)"><script>alert(12)</script></svg>'
HOSTILE_HTML = f"""
<p>Opening paragraph of a hostile post, with a <a href="javascript:alert(1)">js link</a>,
a <a href=" JaVaScRiPt:alert(2)">spaced one</a>, an
<a href="jav&#x09;ascript:alert(3)">entity one</a> and a
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==">data one</a>.</p>
<script>alert(5)</script>
<p onclick="alert(6)" onmouseover="alert(6)" style="width:expression(alert(7));
background:url(javascript:alert(8))">Handlers and CSS expressions.</p>
<img src="x" onerror="alert(9)" alt="broken image">
<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMTApPjwvc3ZnPg==" alt="data image">
{SVG}
<iframe srcdoc="&lt;iframe src=&quot;javascript:alert(13)&quot;&gt;&lt;/iframe&gt;"></iframe>
<iframe src="https://evil.example/frame"><iframe src="javascript:alert(14)"></iframe></iframe>
<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/e">
<form action="javascript:alert(15)"><button>go</button></form>
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/s.css">
<style>@import url(https://evil.example/i.css); body {{ background: red }}</style>
<math><mi xlink:href="javascript:alert(16)">m</mi></math>
<p>Closing paragraph of the hostile post.</p>
"""
HOSTILE_COMMENT = (
    '<b onmouseover="alert(21)">bold</b> <script>alert(22)</script>'
    '<a href="javascript:alert(23)">clic</a> <img src=x onerror=alert(24)> '
    f'{SVG} <iframe src="https://evil.example/c"></iframe> end of comment'
)
INJECTED = (
    "script:not([src^='/']), iframe, object, embed, svg script, base, "
    "meta[http-equiv], link[href*='evil'], form[action^='javascript'], "
    "style:not([data-w-theme])"
)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_hostile_markup_renders_inert_in_chromium(home, tmp_path, page, live_server):
    run_import(
        "wxr",
        export(
            tmp_path,
            post_xml(
                1,
                comment_xml(1, 0, 1, HOSTILE_COMMENT) + comment_xml(2, 1, 2, "9:35 - a reply"),
                body=HOSTILE_HTML,
                title="<script>alert(31)</script> Hostile post",
            ),
        ),
    )
    article = ArticlePage.objects.get()
    assert "Closing paragraph" in str(article.body.raw_data)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    response = page.goto(article.url)
    assert response.status == 200
    page.get_by_text("Closing paragraph of the hostile post.").wait_for()
    page.get_by_text("end of comment").wait_for()
    # Hover and click everything a reader could, to fire any handler that got through.
    for locator in page.locator("main a, main p, main b, main img").all()[:60]:
        try:
            locator.hover(timeout=500)
        except Exception:  # noqa: BLE001  (hidden or detached elements: nothing to fire)
            pass
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.locator("main").locator(INJECTED).count() == 0
    handlers = page.evaluate("""() => [...document.querySelectorAll('main *')].flatMap(
        el => [...el.attributes].filter(a => a.name.startsWith('on')
            || /^\\s*(javascript|data|vbscript):/i.test(a.value)
            || /expression\\(/i.test(a.value)).map(a => el.tagName + ' ' + a.name))""")
    assert handlers == []
    assert page.requests.foreign() == []
    # Markup in a title is not shown as literal tags, and never runs: readers of the old
    # blog saw the text.
    assert page.locator("h1").inner_text() == "Hostile post"
