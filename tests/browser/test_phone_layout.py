"""A 360 px phone without JavaScript, in the real Chromium: a 10-deep exchange of replies
reads as a thread (indented down to display.MAX_DEPTH levels, then "in reply to NAME"
links), and a title of 200 characters without a space does not widen the page.

Screenshots go to ``$CRONICA_SCREENSHOT_DIR`` (else a pytest temporary folder) so a
person can look at them; the assertions are about layout facts, not pixels."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from cronica.comments.display import MAX_DEPTH
from cronica.comments.models import Comment
from tests.news.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
NAMES = [
    "Porteño",
    "Colimense",
    "Lectora de Guayaquil",
    "Anónimo del puerto",
    "Marinero",
    "La de Manta",
    "Tío Chonero no",
    "Esmeraldeño",
    "Vecina",
    "El último",
]


@pytest.fixture
def screenshots(tmp_path_factory):
    folder = os.environ.get("CRONICA_SCREENSHOT_DIR")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def phone_nojs(browser, live_server):
    context = browser.new_context(
        java_script_enabled=False, viewport=PHONE, base_url=live_server.url
    )
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


def _no_horizontal_overflow(tab):
    return tab.evaluate(
        "() => document.documentElement.scrollWidth <= window.innerWidth"
        " && document.body.scrollWidth <= window.innerWidth"
    )


def _deep_thread(article):
    start = timezone.now() - timedelta(hours=3)
    parent, made = None, []
    for depth, name in enumerate(NAMES):
        parent = Comment.objects.create(
            article=article,
            parent=parent,
            author_name=name,
            body=f"Respuesta número {depth + 1}: el cargamento salió de Manta en la madrugada.",
            status=Comment.Status.PUBLISHED,
            created_at=start + timedelta(minutes=7 * depth),
        )
        made.append(parent)
    return made


@pytest.mark.parametrize("lang, marker", [("en", "in reply to"), ("es", "en respuesta a")])
def test_ten_deep_thread_on_a_phone_without_javascript(home, phone_nojs, screenshots, lang, marker):
    article = make_article(home, "Manta, de madrugada", slug="manta", language="es")
    thread = _deep_thread(article)
    tab = phone_nojs
    assert tab.goto(f"/{lang}/manta/#comments").status == 200
    tab.locator(f"#c{thread[0].pk}").scroll_into_view_if_needed()
    tab.screenshot(path=screenshots / f"thread-10-deep-360-{lang}.png", full_page=True)
    assert _no_horizontal_overflow(tab)
    texts = []
    for depth, comment in enumerate(thread):
        item = tab.locator(f"li#c{comment.pk}")
        levels = item.evaluate(
            "li => { let n = 0; for (let e = li.parentElement; e; e = e.parentElement) if (e.matches('ol.replies')) n++; return n; }"
        )
        assert levels == min(depth, MAX_DEPTH), (depth, levels)
        body = item.locator(":scope > .comment-body")
        box = body.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        texts.append(box["width"])
        cue = body.locator(".in-reply-to")
        if depth > MAX_DEPTH:
            # Shown beside the comment it answers: says whom, and links to it.
            assert cue.is_visible()
            assert cue.text_content().strip() == f"{marker} {NAMES[depth - 1]}"
            assert cue.get_attribute("href") == f"#c{thread[depth - 1].pk}"
            cue_box = cue.bounding_box()
            assert cue_box["x"] + cue_box["width"] <= PHONE["width"]
        else:
            assert cue.count() == 0  # nested right under its parent: no cue needed
    # The deepest level still leaves a readable column of text on a 360 px screen.
    assert min(texts) >= 220, texts
    # Following the cue lands on the comment answered (a plain fragment link, no script).
    tab.locator(f"#c{thread[-1].pk} .in-reply-to").click()
    assert tab.url.endswith(f"#c{thread[-2].pk}")


def test_a_long_unbroken_title_stays_within_a_phone(home, phone_nojs, screenshots):
    title = "Narcotráfico" * 16 + "Manzanillo" * 2  # 212 characters, no space to break at
    article = make_article(home, title[:200], slug="long-title", body="Short body.")
    tab = phone_nojs
    for path, name in ((article.url, "article"), ("/en/", "home")):
        assert tab.goto(path).status == 200
        tab.screenshot(path=screenshots / f"long-title-360-{name}.png")
        assert _no_horizontal_overflow(tab), path
        heading = tab.locator("h1" if path == article.url else ".teaser h3").first
        assert heading.bounding_box()["width"] <= PHONE["width"]
