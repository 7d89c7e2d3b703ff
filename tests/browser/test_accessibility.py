"""axe-core, the accessibility engine browsers' own audits use, run inside the real
Chromium over every public page type in both languages: no serious or critical
violation.

axe-core comes from the npm registry, pinned in ``tests/browser/axe/package-lock.json``
and installed with ``npm ci`` by ``./dev setup``. Playwright adds it to each page (the
test context bypasses the site's CSP, which rightly refuses inline scripts), then
``axe.run`` checks the rendered page. Feeds, CSV and JSON are not HTML and are left out.
"""

import json
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}
# Found on the knowledge base before this test existed (links inside role="img" graphs;
# two unnamed search landmarks); "landmark-unique" is only "moderate", held here anyway.
NAMED = {"nested-interactive", "landmark-unique"}
RUN_AXE = """async () => {
    const result = await axe.run(document, {resultTypes: ["violations"]});
    return result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
    }));
}"""


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run ./dev setup (npm ci in tests/browser/axe)")
    return AXE.read_text()


@pytest.fixture
def audit_tab(browser, live_server):
    context = browser.new_context(
        bypass_csp=True, viewport={"width": 1280, "height": 900}, base_url=live_server.url
    )
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    yield tab
    context.close()


@pytest.fixture
def open_tipline(settings, tmp_path):
    from pyrage import x25519

    settings.CRONICA_TIPS_RECIPIENTS = [str(x25519.Identity.generate().to_public())]
    settings.CRONICA_TIPS_ARGON2 = {"time_cost": 1, "memory_cost": 8192}
    settings.CRONICA_TIPS_ROOT = tmp_path / "tips"


def public_pages(lang):
    """(name, path) of one page of every public type, in the UI language ``lang``."""
    from taggit.models import Tag

    from cronica.comments.models import Comment
    from cronica.dossier.models import Entity
    from cronica.news.models import ArticlePage, Contributor, HomePage

    home = HomePage.objects.get()
    commented = ArticlePage.objects.live().filter(comments__parent__isnull=False).distinct().first()
    comment = Comment.objects.filter(article=commented, status="published").first()
    profile = Entity.objects.filter(mentions__isnull=False).order_by("pk").first()
    with translation.override(lang):
        base = home.url
        month = commented.first_published_at
        return [
            ("home", base),
            ("article with comments", commented.url),
            (
                "contributor",
                base + home.reverse_subpage("contributor", args=[Contributor.objects.first().slug]),
            ),
            ("tag", base + home.reverse_subpage("tag", args=[Tag.objects.first().slug])),
            ("archive", base + home.reverse_subpage("archive")),
            (
                "archive month",
                base
                + home.reverse_subpage(
                    "archive_month", kwargs={"year": f"{month:%Y}", "month": f"{month:%m}"}
                ),
            ),
            ("search", base + home.reverse_subpage("search") + "?q=Ecuador"),
            ("comment policy", f"/{lang}/comment-policy/"),
            ("reply form", reverse("comments:reply", args=[comment.pk])),
            ("report form", reverse("comments:report", args=[comment.pk])),
            ("tips", reverse("tips:index")),
            ("first tip", reverse("tips:new")),
            ("return visit", reverse("tips:return")),
            ("knowledge base", reverse("dossier:index")),
            ("knowledge base search", reverse("dossier:index") + "?q=Fito"),
            ("profile", reverse("dossier:entity", args=[profile.slug])),
            ("seizure ledger", reverse("dossier:seizures")),
            ("not found", f"/{lang}/no-such-page/"),
        ]


def audit(tab, axe_source, name):
    tab.add_script_tag(content=axe_source)
    return [dict(v, page=name, url=tab.url) for v in tab.evaluate(RUN_AXE)]


def test_no_serious_or_critical_violation_on_any_public_page(
    demo, open_tipline, audit_tab, axe_source, tmp_path
):
    from PIL import Image

    photo = tmp_path / "reten.png"
    Image.new("RGB", (64, 48), (90, 120, 60)).save(photo)
    tab = audit_tab
    found = []
    for lang in ("en", "es"):
        for name, path in public_pages(lang):
            response = tab.goto(path)
            expected = 404 if name == "not found" else 200
            assert response.status == expected, (path, response.status)
            found += audit(tab, axe_source, f"{name} ({lang})")
        # A first tip with a file: the review step (what was removed from the file),
        # then the page that says it was sent.
        with translation.override(lang):
            tab.goto(reverse("tips:new"))
        tab.fill("#tip-codename", tab.locator("#codename-shown").inner_text().strip())
        tab.fill("#tip-message", "Un retén en el kilómetro 30, de noche.")
        tab.set_input_files("#tip-files", str(photo))
        tab.click("main button[type=submit]")
        assert tab.locator("button[value=send]").count() == 1
        found += audit(tab, axe_source, f"tip review ({lang})")
        tab.click("button[value=send]")
        found += audit(tab, axe_source, f"tip sent ({lang})")
    blocking = [v for v in found if v["impact"] in BLOCKING or v["id"] in NAMED]
    assert not blocking, json.dumps(blocking, indent=1, ensure_ascii=False)
