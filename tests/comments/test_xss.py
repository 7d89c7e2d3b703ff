"""Hostile input: 100+ XSS and HTML-injection payloads posted over HTTP as name and body
are all kept for the queue, render inert for editors in the admin and for readers on the
article (real Chromium: no dialog, no injected element, no request leaving the site)."""

import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from cronica.comments import text
from cronica.comments.models import Comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PAYLOADS = [
    line
    for line in (Path(__file__).parent / "data" / "xss_payloads.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]
INJECTED = (
    "script:not([src$='reply.js']):not([src$='queue.js']), iframe, object, embed, "
    "base, meta[http-equiv], portal, applet, frame, frameset, "
    "img[src*='evil'], link[href*='evil'], style:not([data-w-theme])"
)


def _post(live_server, article, payload):
    data = urllib.parse.urlencode({"name": payload[:60], "body": payload}).encode()
    request = urllib.request.Request(
        f"{live_server.url}/en/comments/post/{article.pk}/",
        data=data,
        headers={"Sec-Fetch-Site": "same-origin"},
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        return urllib.request.build_opener(NoRedirect).open(request).status
    except urllib.error.HTTPError as error:
        return error.code


def _watch(tab):
    dialogs = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return dialogs


def test_payload_corpus_renders_inert_and_nothing_is_lost(
    page, live_server, article, editor, monkeypatch, staff_login
):
    monkeypatch.setattr(settings, "CRONICA_COMMENT_LIMIT", (10_000, 60))
    assert len(PAYLOADS) >= 100
    statuses = [_post(live_server, article, p) for p in PAYLOADS]
    assert set(statuses) == {303}, statuses
    stored = list(Comment.objects.order_by("pk").values_list("body", "author_name", "status"))
    assert len(stored) == len(PAYLOADS)
    for payload, (body, name, status) in zip(PAYLOADS, stored, strict=True):
        assert body == text.clean(payload)
        assert name == text.clean(payload[:60], single_line=True)
        assert status in ("pending", "spam")  # held, or in the spam folder: never lost

    # Editors see the raw text in the queue: it must be inert there too.
    dialogs = _watch(page)
    context = page.context
    from django.test import Client

    client = Client()
    staff_login(client, editor)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    for tab in ("pending", "spam"):
        page.goto(f"/admin/comments/?tab={tab}")
        page.wait_for_load_state("load")
        assert page.locator(f"main {INJECTED}".replace(", ", ", main ")).count() == 0
    assert page.locator(".queue-tab[data-tab=pending] .count").text_content()

    # Approve everything (as an editor would, in bulk) and read the article.
    from cronica.comments import moderation

    moderation.decide(Comment.objects.all(), moderation.APPROVE)
    context.clear_cookies()
    page.goto(article.url)
    page.wait_for_timeout(500)  # give any injected timer or handler a chance to fire
    comments = page.locator("#comments li.comment")
    assert comments.count() == len(PAYLOADS)
    assert page.locator(f"#comments {INJECTED}".replace(", ", ", #comments ")).count() == 0
    assert page.locator("#comments a[href^='javascript'], #comments a[href^='data']").count() == 0
    assert page.locator("#comments [onerror], #comments [onload], #comments [style]").count() == 0
    page.hover(".comment-list")  # mouse-over handlers, had any survived
    rendered = page.evaluate(
        "() => [...document.querySelectorAll('#comments .text')].map(e => e.textContent)"
    )
    assert "<script>alert(1)</script>" in rendered
    assert dialogs == []
    assert page.requests.foreign() == [], json.dumps(page.requests.foreign())
