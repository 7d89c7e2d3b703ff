"""The newsroom model's totals are kept per process (cronica/screening/bayes.py), and a
decision reaches the next comment scored in this process and in every other one; a
change made without a decision is seen within MAX_AGE."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cronica.comments import moderation
from cronica.comments.models import Comment
from cronica.screening import bayes
from cronica.screening.models import LabelStat

pytestmark = pytest.mark.django_db

TEXT = "Gorras bordadas del Chapo, envío gratis, pregunta por inbox"


def _decide(article, texts, action):
    comments = [Comment.objects.create(article=article, body=t) for t in texts]
    moderation.decide(comments, action)


def _teach_both_ways(article):
    _decide(article, ["Good reporting, thanks", "la plaza es del CJNG"], "approve")
    _decide(article, ["Gorras bordadas, envío gratis", "Gorras del Mencho, inbox"], "spam")


def _label_queries(queries):
    return [q["sql"] for q in queries.captured_queries if "screening_labelstat" in q["sql"]]


def test_this_process_reads_the_totals_once_and_sees_a_decision_at_once(article):
    assert bayes.probabilities(TEXT)["spam"] == (None, 0)
    with CaptureQueriesContext(connection) as queries:
        bayes.probabilities(TEXT)
    assert not queries.captured_queries  # nothing learned, nothing to read
    _teach_both_ways(article)
    p, examples = bayes.probabilities(TEXT)["spam"]
    assert examples == 2 and p > 0.5
    with CaptureQueriesContext(connection) as queries:
        assert bayes.probabilities(TEXT)["spam"] == (p, examples)
    assert not _label_queries(queries)  # the kept totals; only the text's own tokens


def test_another_process_sees_a_decision_made_here(article):
    other = bayes.KeptTotals()  # another process's memory: it shares the database and versions
    assert other.get().labels == {}
    _teach_both_ways(article)
    assert other.get().labels["spam"][:2] == (2, 2)


def test_a_change_made_without_a_decision_is_seen_within_max_age(article, monkeypatch):
    _teach_both_ways(article)
    assert bayes.probabilities(TEXT)["spam"][1] == 2
    LabelStat.objects.filter(label="spam").update(positive_docs=5, negative_docs=5)  # no learn()
    assert bayes.probabilities(TEXT)["spam"][1] == 2
    later = time.monotonic() + bayes.MAX_AGE
    monkeypatch.setattr(time, "monotonic", lambda: later)
    assert bayes.probabilities(TEXT)["spam"][1] == 5
