"""In real Chromium, against a real HTTP server: a reader comments and replies with and
without JavaScript, the comment is held, an editor approves it in the admin (by keyboard),
it appears numbered and nested, a timestamp reference links to the right comment, and a
report sends a comment back to the queue."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from cronica.comments.models import Comment, CommentSettings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _post(tab, article, body, name=""):
    tab.goto(article.url)
    if name:
        tab.fill("#comment-name", name)
    tab.fill("#comment-body", body)
    tab.click("#comment-form button[type=submit]")
    tab.wait_for_selector(".comment-state")
    return Comment.objects.get(body=body)


def _fresh(tab, url):
    """Opens ``url`` as a reader who reloads: public pages may sit in the browser's own
    cache for a minute (core.middleware.PublicCacheMiddleware); a reload revalidates."""
    tab.goto(url)
    tab.reload()


def _reply_nojs(tab, parent, body):
    tab.click(f"#c{parent.pk} a.reply-link")
    tab.wait_for_url(re.compile(rf"/comments/{parent.pk}/reply/$"))
    tab.fill("#comment-body", body)
    tab.click("#comment-form button[type=submit]")
    tab.wait_for_selector(".comment-state")
    return Comment.objects.get(body=body)


@pytest.fixture
def admin_tab(browser, live_server, editor, totp_code):
    """An editor's browser, logged in through the admin's own login form and its
    first-sign-in enrolment of an authenticator app."""
    context = browser.new_context(base_url=live_server.url)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.goto("/admin/login/")
    tab.fill("input[name=username]", editor.username)
    tab.fill("input[name=password]", "x" * 16)
    tab.click("button[type=submit]")
    tab.wait_for_url(re.compile(r"/admin/staff/2fa/enrol/"))
    tab.fill("input[name=code]", totp_code(tab.locator("#totp-secret").inner_text()))
    tab.click("form.login-form button[type=submit]")
    tab.click("text=I have saved them, continue")
    tab.wait_for_url(re.compile(r"/admin/$"))
    yield tab
    context.close()


def _approve_by_keyboard(admin_tab, comment):
    admin_tab.goto("/admin/comments/?sort=new")
    row = admin_tab.locator(f"#row-{comment.pk}")
    position = admin_tab.locator(".queue-row").evaluate_all(
        f"(rows) => rows.findIndex(r => r.id === 'row-{comment.pk}')"
    )
    for _ in range(position):
        admin_tab.keyboard.press("j")
    assert "is-current" in row.get_attribute("class")
    with admin_tab.expect_navigation():
        admin_tab.keyboard.press("a")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PUBLISHED


def test_comment_and_reply_without_javascript(page_nojs, admin_tab, article):
    tab = page_nojs
    top = _post(tab, article, "Manzanillo has been theirs for years.", name="Porteño")
    assert "held for moderation" in tab.text_content(".comment-state")
    assert top.status == Comment.Status.PENDING
    assert {c["path"] for c in tab.context.cookies()} == {"/en/comments/"}
    tab.goto(article.url)
    assert tab.locator(f"#c{top.pk}").count() == 0
    _approve_by_keyboard(admin_tab, top)
    _fresh(tab, article.url)
    assert "Manzanillo has been theirs" in tab.text_content(f"ol.comment-list > li#c{top.pk}")
    reply = _reply_nojs(tab, top, "And Lázaro Cárdenas too.")
    assert reply.parent_id == top.pk and reply.status == Comment.Status.PENDING
    _approve_by_keyboard(admin_tab, reply)
    _fresh(tab, article.url)
    nested = tab.locator(f"ol.comment-list > li#c{top.pk} > ol.replies > li#c{reply.pk}")
    assert "Lázaro Cárdenas" in nested.text_content()
    assert tab.requests.foreign() == []


def test_reply_with_javascript_moves_the_form_under_the_comment(page, admin_tab, article):
    first = Comment.objects.create(
        article=article, body="First comment", status=Comment.Status.PUBLISHED
    )
    second = Comment.objects.create(
        article=article, body="Second comment", status=Comment.Status.PUBLISHED
    )
    page.goto(article.url)
    page.click(f"#c{second.pk} a.reply-link")
    assert page.locator(f"#c{second.pk} #comment-form").count() == 1
    assert page.url.endswith(article.url)  # stayed on the article
    page.fill("#comment-body", "Answering the second one")
    page.click("#comment-form button[type=submit]")
    page.wait_for_selector(".comment-state")
    reply = Comment.objects.get(body="Answering the second one")
    assert reply.parent_id == second.pk
    _approve_by_keyboard(admin_tab, reply)
    _fresh(page, article.url)
    items = page.locator("ol.comment-list > li.comment")
    assert items.count() == 2
    assert page.locator(f"li#c{second.pk} > ol.replies > li#c{reply.pk}").count() == 1
    numbers = page.evaluate(
        "() => [...document.querySelectorAll('ol.comment-list > li')].map(li => li.id)"
    )
    assert numbers == [f"c{first.pk}", f"c{second.pk}"]
    assert page.requests.foreign() == []


def test_timestamp_reference_links_to_the_right_comment(page, article):
    local = ZoneInfo("America/Mexico_City")
    decoy = Comment.objects.create(
        article=article,
        body="Earlier, same minute",
        status=Comment.Status.PUBLISHED,
        created_at=datetime(2023, 10, 1, 9, 35, tzinfo=local),
    )
    target = Comment.objects.create(
        article=article,
        body="Nine tons in one box",
        status=Comment.Status.PUBLISHED,
        created_at=datetime(2023, 10, 2, 9, 35, tzinfo=local),
    )
    Comment.objects.create(
        article=article,
        body="9:35 - Never going to happen",
        status=Comment.Status.PUBLISHED,
        created_at=datetime(2023, 10, 2, 10, 1, tzinfo=local),
    )
    page.goto(article.url)
    assert "9:35 AM" in page.text_content(f"#c{target.pk} time")
    page.click("a.timeref")
    assert page.url.endswith(f"#c{target.pk}")
    assert page.evaluate("() => document.querySelector(':target').id") == f"c{target.pk}"
    assert decoy.pk != target.pk


def test_a_report_keeps_the_comment_for_an_editor(page_nojs, article, home):
    settings = CommentSettings.for_site(home.get_site())
    settings.report_threshold = 1
    settings.save()
    comment = Comment.objects.create(
        article=article, body="Su casa es la verde", status=Comment.Status.PUBLISHED
    )
    page_nojs.goto(article.url)
    page_nojs.click(f"#c{comment.pk} a.report-link")
    page_nojs.check("input[value=personal]")
    page_nojs.click(".report-form button[type=submit]")
    assert "look at this comment again" in page_nojs.text_content(".notice")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PUBLISHED and comment.flagged
    _fresh(page_nojs, article.url)
    assert page_nojs.locator(f"#c{comment.pk}").count() == 1  # until an editor decides
    assert page_nojs.context.cookies() == []
