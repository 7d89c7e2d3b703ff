"""The embedded page cache (cronica/core/pagecache.py) through a real `cronica serve` on
loopback, with two gunicorn processes sharing the file store in the data directory.

A stored page is answered without rendering it: a change written straight into the
SQLite file (bypassing every signal) stays unseen by readers until a purge. Every change an editor
makes (approving a comment in the admin queue, publishing, editing, unpublishing, a
knowledge-base edit) shows on the very next GET, because it purges the affected pages from
the shared store, even when the change is made by another process (`cronica shell`, the
worker). An editor with a session, or any request with a cookie, never gets a stored page,
and nothing an editor sees is stored for readers. Each process also keeps copies of the
pages in memory (``LocalCopies``): a purge made in any process reaches all of them.
"""

import re
import time

import pyrage
import pytest
import requests

from cronica.core.pagecache import LocalCopies

from .durability.served_site import ServedSite
from .page_serving import publish_code, until_cached

SETUP = """
from cronica.news.models import ArticlePage, HomePage, ArticleByline, Contributor
from cronica.comments.models import Comment
from cronica.dossier.models import Entity
home = HomePage.objects.get()
writer, _ = Contributor.objects.get_or_create(pen_name="Sombra")
page = ArticlePage(title="Convoy on the toll road", slug="convoy-toll-road", language="en",
                   summary="Residents described a convoy.", body=[("heading", "What was seen")])
page.bylines.add(ArticleByline(contributor=writer))
page.tags.add("Tamaulipas")
home.add_child(instance=page)
page.save_revision().publish()
pending = Comment.objects.create(article=page, body="QA-PENDING-3f1c the convoy turned north")
Entity.objects.create(kind="group", name="Cartel del Golfo QA", slug="cdg-qa",
                      summary="QA-SUMMARY-OLD")
print(page.pk, pending.pk)
"""

PUBLISH = publish_code("QA-FRESH-STORY landing strip found", "landing-strip", tags=("Tamaulipas",))

EDIT = """
from cronica.news.models import ArticlePage
page = ArticlePage.objects.get(slug="landing-strip")
page.title = "QA-EDITED-STORY landing strip seized"
page.save_revision().publish()
"""

UNPUBLISH = """
from cronica.news.models import ArticlePage
ArticlePage.objects.get(slug="landing-strip").unpublish()
"""

KB_EDIT = """
from cronica.dossier.models import Entity
entity = Entity.objects.get(slug="cdg-qa")
entity.summary = "QA-SUMMARY-NEW"
entity.save()
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    recipient = str(pyrage.x25519.Identity.generate().to_public())  # opens the tip line
    site = ServedSite(
        tmp_path_factory.mktemp("pagecache"),
        extra_env={"CRONICA_TIPS_RECIPIENTS": recipient},
        workers=2,
    )
    article_id, pending_id = site.manage("shell", "-c", SETUP).stdout.split()[-2:]
    site.article_id, site.pending_id = article_id, pending_id
    site.start()
    try:
        yield site
    finally:
        site.close()


def read(site, path, **kwargs):
    response = requests.get(site.url + path, timeout=30, allow_redirects=False, **kwargs)
    return response, response.headers.get("X-Cronica-Cache")


def warm(site, path):
    """GET until the page comes from the store (tests/page_serving.py)."""
    return until_cached(site.url + path, "X-Cronica-Cache")


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/es/",
        "/en/convoy-toll-road/",
        "/en/tags/tamaulipas/",
        "/en/archive/",
        "/en/contributors/sombra/",
        "/en/feed/rss/",
        "/en/kb/",
        "/en/kb/cdg-qa/",
        "/en/kb/seizures/",
        "/sitemap.xml",
    ],
)
def test_reader_pages_are_stored_without_cookie_or_token(site, path):
    response = warm(site, path)
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert "csrfmiddlewaretoken" not in response.text
    assert "public" in response.headers["Cache-Control"]


def set_title_behind_the_sites_back(site, title):
    """Raw SQL through the site's own database (SQLite or PostgreSQL): no signal, no purge."""
    site.manage(
        "shell",
        "-c",
        "from django.db import connection\n"
        "connection.cursor().execute('UPDATE wagtailcore_page SET title = %s WHERE id = %s', "
        f"[{title!r}, {int(site.article_id)}])",
    )


def test_stored_page_is_served_without_templates_or_database(site):
    """A change written straight into the database (no signal, so no purge) stays unseen
    by readers of the stored page: it is not rendered again. A request that bypasses the
    store (it carries a cookie) renders the database as it is now."""
    stored = warm(site, "/en/convoy-toll-road/")
    assert "Convoy on the toll road" in stored.text
    set_title_behind_the_sites_back(site, "QA-RAW-TITLE")
    again, state = read(site, "/en/convoy-toll-road/")
    assert state == "hit" and again.content == stored.content
    rendered, state = read(site, "/en/convoy-toll-road/", cookies={"x": "1"})
    assert state is None and "QA-RAW-TITLE" in rendered.text

    revalidated, state = read(
        site, "/en/convoy-toll-road/", headers={"If-None-Match": stored.headers["ETag"]}
    )
    assert (revalidated.status_code, state) == (304, "hit") and not revalidated.content
    set_title_behind_the_sites_back(site, "Convoy on the toll road")


def test_cookie_or_editor_session_never_gets_a_stored_page(site):
    warm(site, "/en/convoy-toll-road/")
    with_cookie, state = read(site, "/en/convoy-toll-road/", cookies={"theme": "dark"})
    assert with_cookie.status_code == 200 and state is None

    editor = site.admin_session()
    as_editor = editor.get(site.url + "/en/convoy-toll-road/", timeout=30)
    assert as_editor.status_code == 200
    assert "X-Cronica-Cache" not in as_editor.headers
    admin = editor.get(site.url + "/admin/", timeout=30)
    assert admin.status_code == 200 and "X-Cronica-Cache" not in admin.headers
    # What the editor was shown was not stored for readers either.
    anonymous, state = read(site, "/en/convoy-toll-road/")
    assert state == "hit" and "csrftoken" not in anonymous.headers.get("Set-Cookie", "")
    assert "/admin/pages/" not in anonymous.text


def test_tip_line_and_query_strings_are_never_stored(site):
    for path in ("/en/tips/", "/en/tips/new/", "/en/search/?q=convoy", "/en/kb/?q=golfo"):
        read(site, path)
        response, state = read(site, path)
        assert (response.status_code, state) == (200, None), path  # not even looked up


def test_approving_a_comment_in_the_queue_shows_on_the_next_read(site):
    page = warm(site, "/en/convoy-toll-road/")
    assert "QA-PENDING-3f1c" not in page.text
    editor = site.admin_session()
    queue = editor.get(site.url + "/admin/comments/", params={"tab": "pending"}, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', queue.text).group(1)
    decided = editor.post(
        site.url + "/admin/comments/decide/",
        data={"csrfmiddlewaretoken": token, "one": f"{site.pending_id}:approve"},
        headers={"Referer": site.url + "/admin/comments/"},
        timeout=30,
    )
    assert decided.ok
    after, state = read(site, "/en/convoy-toll-road/")
    assert state == "miss" and "QA-PENDING-3f1c" in after.text


def test_publish_edit_unpublish_show_on_the_next_read(site):
    listings = ("/en/", "/en/tags/tamaulipas/", "/en/contributors/sombra/", "/en/feed/rss/")
    for path in listings:
        warm(site, path)
    assert read(site, "/en/landing-strip/")[0].status_code == 404

    site.manage("shell", "-c", PUBLISH)  # another process: the store is shared
    for path in (*listings, "/en/landing-strip/"):
        assert "QA-FRESH-STORY" in read(site, path)[0].text, path
        warm(site, path)

    site.manage("shell", "-c", EDIT)
    for path in (*listings, "/en/landing-strip/"):
        text = read(site, path)[0].text
        assert "QA-EDITED-STORY" in text and "QA-FRESH-STORY" not in text, path
        warm(site, path)

    site.manage("shell", "-c", UNPUBLISH)
    assert read(site, "/en/landing-strip/")[0].status_code == 404
    for path in listings:
        assert "QA-EDITED-STORY" not in read(site, path)[0].text, path


def test_knowledge_base_edit_shows_on_the_next_read_and_spares_other_pages(site):
    assert "QA-SUMMARY-OLD" in warm(site, "/en/kb/cdg-qa/").text
    warm(site, "/es/kb/cdg-qa/")
    warm(site, "/en/convoy-toll-road/")
    site.manage("shell", "-c", KB_EDIT)
    for path in ("/en/kb/cdg-qa/", "/es/kb/cdg-qa/"):
        response, state = read(site, path)
        assert state == "miss" and "QA-SUMMARY-NEW" in response.text, path
    # An article that does not mention the entity keeps its stored page.
    assert read(site, "/en/convoy-toll-road/")[1] == "hit"


FORGET = """
from cronica.core import pagecache
pagecache.forget(["/en/convoy-toll-road/"])
"""


def test_a_purge_from_another_process_reaches_every_serving_process(site):
    """Many fresh connections spread over both gunicorn processes, so each holds the page
    in memory; a purge from `cronica shell` (a third process, no signal involved) must be
    seen by all of them on their next request."""
    warm(site, "/en/convoy-toll-road/")
    set_title_behind_the_sites_back(site, "QA-LOCAL-COPY-NEW")
    for _attempt in range(20):  # without a purge every process keeps answering the old page
        response, state = read(site, "/en/convoy-toll-road/")
        assert state == "hit" and "QA-LOCAL-COPY-NEW" not in response.text
    site.manage("shell", "-c", FORGET)
    for _attempt in range(20):
        assert "QA-LOCAL-COPY-NEW" in read(site, "/en/convoy-toll-road/")[0].text
    set_title_behind_the_sites_back(site, "Convoy on the toll road")
    site.manage("shell", "-c", FORGET)


def _entry(body, seconds=60):
    return ("200 OK", [("Content-Length", str(len(body)))], body, time.time() + seconds)


def test_local_copy_loaded_before_a_purge_is_dropped_on_the_next_request(tmp_path):
    """The race the generation check closes: this process reads the generation, another
    process purges (and changes the file) before this one keeps what it loaded."""
    generation = tmp_path / "generation"
    local = LocalCopies(generation)
    old, new = _entry(b"old"), _entry(b"new")

    def load_then_purged_elsewhere():
        generation.write_bytes(b".")
        return old

    assert local.get("/p/", load_then_purged_elsewhere) is old
    assert local.get("/p/", lambda: new) is new
    assert local.get("/p/", lambda: pytest.fail("served from memory, no store read")) is new
    with generation.open("ab") as f:
        f.write(b".")
    assert local.get("/p/", lambda: None) is None


def test_local_copies_keep_to_the_stored_expiry_and_their_memory_budget(tmp_path):
    local = LocalCopies(tmp_path / "generation", budget=10)
    expired = _entry(b"stale", seconds=-1)
    assert local.get("/a/", lambda: expired) is expired
    fresh = _entry(b"fresh")
    assert local.get("/a/", lambda: fresh) is fresh  # the expired copy was not used
    local.get("/b/", lambda: _entry(b"123456"))  # 5 + 6 bytes: /a/ goes
    assert local.get("/a/", lambda: None) is None
    assert local.get("/b/", lambda: pytest.fail("evicted the newer page")) is not None
