"""The site answers: home, an article and the admin login on a fresh install."""

import pytest


@pytest.mark.django_db
def test_fresh_install_has_home_and_policy(client, home):
    response = client.get("/en/")
    assert response.status_code == 200
    assert b"Comments are moderated" in response.content
    assert client.get("/en/comment-policy/").status_code == 200
    assert client.get("/es/comment-policy/").status_code == 200


@pytest.mark.django_db
def test_root_redirects_to_a_language(client, home):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")["Location"] == "/es/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de")["Location"] == "/en/"
