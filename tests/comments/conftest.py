"""An open article to comment on, and a client that posts like a same-origin browser."""

import pytest

SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin"}


@pytest.fixture(autouse=True)
def empty_cache():
    """Flood counters live in the cache; each test starts with none."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def article(home):
    from cronica.news.models import ArticleByline, ArticlePage, Contributor

    writer, _ = Contributor.objects.get_or_create(pen_name="Sombra")
    page = ArticlePage(title="Port seizure in Manzanillo", slug="port-seizure", language="en",
                       summary="Marines found cocaine in a container.",
                       body=[("heading", "What was found")])
    page.bylines.add(ArticleByline(contributor=writer))
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def post(client):
    """Posts a comment as a browser on this site would; returns the response."""

    def send(article, body, name="", parent="", lang="en", headers=SAME_ORIGIN, **extra):
        data = {"name": name, "body": body, "parent": parent, "website": "", **extra}
        return client.post(f"/{lang}/comments/post/{article.pk}/", data, headers=headers)

    return send


@pytest.fixture
def editor(home):
    """A user in the Editors group (created by the site setup), as the newsroom has."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("editora", password="x" * 16)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(editor):
    from django.test import Client

    client = Client()
    client.force_login(editor)
    return client
