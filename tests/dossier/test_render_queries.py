"""No hidden work per request: an article page and the home page cost the same number of
queries however many comments the article has and however big the knowledge base is, and
rendering never builds the linker's gazetteer (that happens on publish, in the worker)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cronica.comments.models import Comment
from cronica.dossier import knowledge
from cronica.dossier.linking import link
from cronica.dossier.models import Alias, Entity

TEXT = [
    "<p>Police said José Adolfo Macías Villamar, known as Fito, leader of Los Choneros, "
    "was seen in Guayaquil.</p>",
    "<p>Fito had escaped before; Los Choneros denied it.</p>",
]
# Measured: 17 and 10 queries with one comment and the small knowledge base (site, page
# tree, bylines, tags, sources, mentions and aliases, the thread, comment settings). A
# change that adds a query per comment, entity, block or article also fails the equality
# at the end of each test.
ARTICLE_QUERIES = 18
HOME_QUERIES = 11


def _queries(client, url):
    client.get(url)  # the first request of a process also loads the site and settings
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _grow(article, comments=60, entities=300):
    """A long, deep thread and a big knowledge base, linked again."""
    parent = None
    for n in range(comments):
        parent = Comment.objects.create(
            article=article,
            body=f"Comment {n}",
            parent=parent if n % 3 else None,
            status=Comment.Status.PUBLISHED,
        )
    for n in range(entities):
        entity = Entity.objects.create(kind="person", name=f"Person Number{n}")
        Alias.objects.create(entity=entity, text=f"Numberman {n}")
    link(article)


@pytest.mark.django_db
def test_article_queries_do_not_grow_with_comments_or_entities(
    kb, make_article, client, django_assert_max_num_queries, monkeypatch
):
    article = make_article("Fito seen in Guayaquil", TEXT)
    Comment.objects.create(article=article, body="First", status=Comment.Status.PUBLISHED)
    monkeypatch.setattr(knowledge, "build", _refuse)
    small = _queries(client, article.url)
    html = client.get(article.url).content.decode()
    assert html.count('class="kb-link"') == 3  # Fito, Los Choneros, Guayaquil: first only
    monkeypatch.undo()
    _grow(article)
    monkeypatch.setattr(knowledge, "build", _refuse)
    with django_assert_max_num_queries(ARTICLE_QUERIES):
        response = client.get(article.url)
    html = response.content.decode()
    assert "Comment 59" in html and html.count('class="kb-link"') == 3
    assert _queries(client, article.url) == small


@pytest.mark.django_db
def test_home_queries_do_not_grow_with_articles_comments_or_entities(
    kb, make_article, client, django_assert_max_num_queries, monkeypatch
):
    first = make_article("Fito seen in Guayaquil", TEXT)
    monkeypatch.setattr(knowledge, "build", _refuse)
    small = _queries(client, "/en/")
    monkeypatch.undo()
    _grow(first)
    for n in range(5):
        _grow(make_article(f"Los Choneros, part {n}", TEXT), comments=5, entities=0)
    monkeypatch.setattr(knowledge, "build", _refuse)
    with django_assert_max_num_queries(HOME_QUERIES):
        response = client.get("/en/")
    assert "60 comments" in response.content.decode()
    assert _queries(client, "/en/") == small


def _refuse():
    raise AssertionError("rendering built the linker's gazetteer")
