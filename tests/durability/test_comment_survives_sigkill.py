"""docs/invariants.md, invariant 4, "nothing acknowledged is lost", for reader comments and reader
reports, against a real `cronica serve` killed with SIGKILL (gunicorn master, its workers
and the task worker, all at once) the instant the success response arrives, then started
again on the same data directory.

The reader's side is driven over HTTP as a browser without JavaScript drives it: GET the
article, read the form's action and fields from the HTML, POST them (no cookie, no CSRF
token, same-origin fetch metadata), follow nothing. The editor's side is the real admin
moderation queue.
"""

import html
import re

import pytest
import requests

from .served_site import FORM_HEADERS, ServedSite

COMMENT = "QA-DURABLE-COMMENT-5c1e: the convoy passed the toll booth at 4:10"
REPORTED = "QA-REPORTED-COMMENT-77ab: published before the crash"

SETUP = """
from cronica.news.models import ArticlePage, HomePage, ArticleByline, Contributor
from cronica.comments.models import Comment, CommentSettings
from wagtail.models import Site
home = HomePage.objects.get()
writer, _ = Contributor.objects.get_or_create(pen_name="Sombra")
page = ArticlePage(title="Convoy seen on the highway", slug="convoy-highway", language="en",
                   summary="Residents described a convoy.", body=[("heading", "What was seen")])
page.bylines.add(ArticleByline(contributor=writer))
home.add_child(instance=page)
page.save_revision().publish()
settings = CommentSettings.for_site(Site.objects.get(is_default_site=True))
settings.report_threshold = 1
settings.save()
published = Comment.objects.create(article=page, body=%r, status=Comment.Status.PUBLISHED)
print(page.pk, page.url, published.pk)
"""


@pytest.fixture
def comment_site(tmp_path):
    site = ServedSite(tmp_path)
    try:
        yield site
    finally:
        site.close()


def form_of(page_html, action_pattern):
    """The action and the fields (name -> value) of the form whose action matches."""
    form = re.search(r'<form[^>]*action="(%s)"(.*?)</form>' % action_pattern, page_html, re.S)
    assert form, "form not found on the page"
    fields = {}
    for tag in re.findall(r"<(?:input|textarea)\b[^>]*>", form.group(2)):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and 'type="radio"' not in tag:
            fields[name.group(1)] = html.unescape(value.group(1)) if value else ""
    return form.group(1), fields


def queue_text(session, site, tab):
    page = session.get(f"{site.url}/admin/comments/", params={"tab": tab}, timeout=10)
    assert page.status_code == 200
    return page.text


def comment_rows(site):
    out = site.manage(
        "shell",
        "-c",
        (
            "from cronica.comments.models import Comment, Report\n"
            "for c in Comment.objects.order_by('pk'):\n"
            "    print('C', c.pk, c.status, c.report_count, c.body)\n"
            "for r in Report.objects.all():\n"
            "    print('R', r.comment_id, r.reason)\n"
        ),
    )
    return out.stdout.splitlines()


def test_acknowledged_comment_and_report_survive_sigkill(comment_site):
    site = comment_site
    article_id, article_url, published_id = site.manage(
        "shell", "-c", SETUP % REPORTED
    ).stdout.split()[-3:]
    site.start()

    article = requests.get(site.url + article_url, timeout=10)
    assert article.status_code == 200 and not article.cookies
    action, fields = form_of(article.text, r"/en/comments/post/\d+/")
    assert action == f"/en/comments/post/{article_id}/"
    fields.update(name="Vecino", body=COMMENT)
    posted = requests.post(
        site.url + action, data=fields, headers=FORM_HEADERS, allow_redirects=False, timeout=30
    )
    site.kill()  # the instant the acknowledgement is in: no graceful shutdown
    assert posted.status_code == 303, posted.text[:2000]
    status_url = posted.headers["Location"]
    assert re.fullmatch(r"/en/comments/\d+/", status_url)

    site.start()
    report_page = requests.get(f"{site.url}/en/comments/{published_id}/report/", timeout=10)
    assert report_page.status_code == 200
    action, fields = form_of(report_page.text, rf"/en/comments/{published_id}/report/")
    fields["reason"] = "personal"
    reported = requests.post(
        site.url + action, data=fields, headers=FORM_HEADERS, allow_redirects=False, timeout=30
    )
    site.kill()
    assert reported.status_code == 200, reported.text[:2000]

    site.start()
    try:
        admin = site.admin_session()
        pending = queue_text(admin, site, "pending")
        assert COMMENT.split(":")[0] in pending, "the acknowledged comment is not in the queue"
        # The report (threshold 1) put the published comment up for an editor's review.
        review = queue_text(admin, site, "review")
        assert REPORTED.split(":")[0] in review, "the acknowledged report was lost"
        # The commenter's own status page still answers with the cookie the 303 set.
        status = requests.get(site.url + status_url, cookies=posted.cookies, timeout=10)
        assert status.status_code == 200 and "QA-DURABLE-COMMENT-5c1e" in status.text
    finally:
        site.stop()
    rows = comment_rows(site)
    assert f"R {published_id} personal" in rows
    assert any(r.startswith(f"C {published_id} published 1 ") for r in rows), rows
    assert any(r.startswith("C ") and r.endswith(COMMENT) and " pending " in r for r in rows), rows
