"""In Chromium: an article links to a profile; the profile shows the article, a relation
graph and a confirmed event; the seizure ledger filters and exports. No request leaves
the site."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _article_with_event_about(name):
    from cronica.dossier.models import Event, Mention

    event = Event.objects.filter(status="confirmed", entities__name=name).first()
    assert event, f"the demo should confirm an event about {name}"
    assert Mention.objects.filter(article=event.article, entity__name=name).exists()
    return event.article


def test_article_to_profile_to_ledger(page, live_server, demo):
    article = _article_with_event_about("Los Choneros")
    page.goto(article.url)
    link = page.locator('.body a.kb-link[href="/en/kb/los-choneros/"]')
    assert link.count() == 1  # first mention only
    link.click()
    page.wait_for_url("**/en/kb/los-choneros/")
    assert page.locator("h1").inner_text() == "Los Choneros"
    graph = page.locator(".kb-graph svg")
    assert graph.is_visible()
    assert graph.locator('a[href="/en/kb/los-lobos/"]').count() == 1
    assert page.locator(f'.kb-timeline a[href="{article.url}"]').count() >= 1
    assert page.locator(".kb-event").count() >= 1
    assert page.locator(".kb-map svg").is_visible()

    page.goto("/en/kb/seizures/")
    assert page.locator(".kb-chart svg rect").count() >= 1
    every = page.locator("tr.kb-row").count()
    page.select_option('select[name="country"]', "netherlands")
    page.click(".kb-filters button[type=submit]")
    page.wait_for_url("**country=netherlands**")
    rows = page.locator("tr.kb-row")
    assert 1 <= rows.count() < every
    assert all("Netherlands" in text for text in rows.all_inner_texts())
    with page.expect_download() as download:
        page.click("a.kb-csv")
    exported = open(download.value.path(), encoding="utf-8").read()
    assert exported.startswith("id,date,drug,kg")
    assert "Netherlands" in exported and "Spain" not in exported
    assert page.requests.foreign() == []


def test_ledger_filters_without_javascript(page_nojs, live_server, demo):
    page_nojs.goto("/es/kb/seizures/")
    page_nojs.select_option('select[name="drug"]', "cocaine")
    page_nojs.select_option('select[name="country"]', "spain")
    page_nojs.click(".kb-filters button[type=submit]")
    page_nojs.wait_for_url("**drug=cocaine**")
    assert page_nojs.locator("tr.kb-row").count() == 1
    assert "Algeciras" in page_nojs.locator("tr.kb-row").inner_text()
    assert page_nojs.requests.foreign() == []


def test_profile_and_ledger_fit_a_phone(phone_page, live_server, demo):
    for url in ["/es/kb/los-choneros/", "/es/kb/seizures/"]:
        phone_page.goto(url)
        overflow = phone_page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, url
    assert "cocaína" in phone_page.locator("tr.kb-row").first.inner_text()
    assert phone_page.locator("h1").inner_text() == "Registro de decomisos"
