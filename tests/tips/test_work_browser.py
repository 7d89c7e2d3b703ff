"""Behind a shared address (an onion service: everyone is 127.0.0.1), a flood of wrong
codenames uses up the budget of requests without proof of work; Chromium with JavaScript
solves the page's challenge (tips/work.js) and gets in, a browser without JavaScript is
told to wait a minute rather than locked out for an hour (docs/security.md)."""

import pytest
from django.test import Client

from cronica.tips import submissions
from cronica.tips.models import Source

from .conftest import send_first

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_browser_that_does_the_work_gets_past_a_flood(page, page_nojs, tipline, settings):
    settings.CRONICA_SHARED_ADDRESS = "always"
    settings.CRONICA_POW_BITS = 8
    browser_like = Client(headers={"Sec-Fetch-Site": "same-origin"})
    codename, _response = send_first(browser_like, message="first tip")
    submissions.reply(Source.objects.get(), "We read it")
    flood = [
        browser_like.post("/en/tips/return/", {"codename": " ".join(["acorn"] * 8)}).status_code
        for _ in range(61)
    ]
    assert flood.count(400) == 60 and flood[-1] == 429

    page_nojs.goto("/en/tips/return/")
    page_nojs.fill("#tip-codename", codename)
    page_nojs.click("main button[type=submit]")
    assert "busy" in page_nojs.content() and "We read it" not in page_nojs.content()

    page.goto("/en/tips/return/")
    page.fill("#tip-codename", codename)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert "We read it" in page.content()
    assert "work_nonce=" in page.url
    assert page.requests.foreign() == []
