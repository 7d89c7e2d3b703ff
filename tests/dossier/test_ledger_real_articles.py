"""The ledger and its exports over real news articles (the development split of
``tests/dossier/corpus``, each file's source address in ``dev-labels.json``), published
through Wagtail as an editor would: every confirmed seizure the extractor found is a row
of the CSV and the JSON, the page's count agrees, and unpublishing an article takes its
rows out of all three at once (cronica/dossier/published.py)."""

import csv
import html
import io
import json

import pytest

from cronica.dossier import ledger
from cronica.dossier.models import Event, Review
from tests.dossier.corpus import score

ARTICLES = 8


def _real_articles_with_seizures():
    found = [
        (name, text)
        for name, text, label in score.articles("dev")
        if label.get("seizures") and score.language_of(name) == "en"
    ]
    assert len(found) >= ARTICLES
    return found[:ARTICLES]


def _csv_rows(client):
    response = client.get("/en/kb/seizures.csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(body)))


def _json_count(client):
    response = client.get("/en/kb/seizures.json")
    document = json.loads(b"".join(response.streaming_content))
    assert document["count"] == len(document["results"])
    return document["count"]


@pytest.mark.django_db
def test_real_articles_reach_the_ledger_and_its_exports_and_leave_them_when_unpublished(
    make_article, client
):
    articles = []
    for name, text in _real_articles_with_seizures():
        paragraphs = [f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip()]
        articles.append(make_article(name.removesuffix(".txt")[:60], paragraphs))
    seizures = Event.objects.filter(kind=Event.Kind.SEIZURE, role=Event.Role.REPORT)
    seizures.update(status=Review.CONFIRMED)
    # The ledger shows a seizure reported by several articles once (ledger.shown_once).
    shown = ledger.confirmed_seizures().count()
    assert ARTICLES <= shown <= seizures.count()

    rows = _csv_rows(client)
    assert len(rows) == _json_count(client) == shown
    assert ledger.overview(ledger.clean_filters({})).count == shown
    assert {row["id"] for row in rows} == {
        str(pk) for pk in ledger.confirmed_seizures().values_list("pk", flat=True)
    }
    titles = {row["article"] for row in rows}
    assert titles <= {article.title for article in articles} and len(titles) >= ARTICLES - 2

    gone = next(article for article in articles if article.title in titles)
    theirs = [row for row in rows if row["article"] == gone.title]
    gone.unpublish()
    assert not seizures.filter(article=gone, published=True).exists()
    after = _csv_rows(client)
    assert len(after) == _json_count(client) == shown - len(theirs)
    assert ledger.overview(ledger.clean_filters({})).count == shown - len(theirs)
    assert gone.title not in {row["article"] for row in after}
