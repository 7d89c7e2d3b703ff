"""The whole source flow in Chromium with JavaScript disabled (Tor Browser, Safest):
first tip with a photo, review of its metadata, sending, a journalist's reply, return."""

import re

import pytest

from cronica.tips import submissions
from cronica.tips.models import Source, Submission

from .conftest import gps_jpeg

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_tip_flow_without_javascript(page_nojs, tipline, tmp_path):
    page = page_nojs
    photo = gps_jpeg(tmp_path / "checkpoint.jpg")

    page.goto("/es/tips/")
    assert "Tor Browser" in page.content()
    page.click("text=Enviar una primera denuncia")
    codename = page.locator("#codename-shown").inner_text().strip()
    assert len(codename.split()) == 8

    # A mistyped codename is refused, and nothing is kept.
    page.fill("#tip-codename", codename.rsplit(" ", 1)[0])
    page.fill("#tip-message", "Retén en el kilómetro 30")
    page.click("main button[type=submit]")
    assert "no coincide" in page.content()
    assert not Submission.objects.exists()

    page.fill("#tip-codename", codename)
    page.fill("#tip-message", "Retén en el kilómetro 30, de noche")
    page.set_input_files("#tip-files", str(photo))
    page.click("main button[type=submit]")
    page.locator("button[value=send]").wait_for()  # the review page, after the upload
    assert "la posición GPS donde se tomó" in page.content()
    assert "checkpoint.jpg" in page.content()
    page.click("button[value=send]")
    assert page.locator("h1").inner_text() == "Tu denuncia se envió"
    assert Submission.objects.get().files.get().metadata_removed

    submissions.reply(Source.objects.get(), "Gracias. ¿Qué día fue?")
    page.click("text=Volver con tu nombre clave")
    page.fill("#tip-codename", codename)
    page.click("main button[type=submit]")
    assert "Gracias. ¿Qué día fue?" in page.content()

    page.fill("#tip-message", "Fue el martes")
    page.click("main button[type=submit]")
    assert page.locator("h1").inner_text() == "Tu denuncia se envió"
    assert Submission.objects.count() == 2

    assert page.requests.foreign() == []
    assert page.context.cookies() == []
    assert not re.search(re.escape(codename), str(page.context.cookies()))
