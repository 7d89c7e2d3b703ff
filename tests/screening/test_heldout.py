"""Held-out precision and recall on the project's own bilingual labeled set
(tests/screening/data/labeled.jsonl, 200+ comments written for this beat)."""

import json
from pathlib import Path

import pytest

from cronica.screening import evaluation

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data" / "labeled.jsonl"


def load():
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]


def test_the_labeled_set_is_big_bilingual_and_balanced_enough():
    items = load()
    assert len(items) >= 200
    assert sum(i["abuse"] for i in items) >= 40 and sum(i["spam"] for i in items) >= 30
    languages = {i["lang"] for i in items}
    assert languages == {"en", "es"}
    assert min(sum(i["lang"] == lang for i in items) for lang in languages) >= 80


def test_shipped_model_then_newsroom_learning_on_held_out_comments(capsys):
    """The shipped model learned from the other split (corpora.split), never this one;
    then the newsroom model learns the other split as moderators' decisions."""
    train, test = evaluation.split(load())
    assert len(test) >= 50
    before = {f.label: f for f in evaluation.measure(test)}
    evaluation.train(train)
    after = {f.label: f for f in evaluation.measure(test)}
    with capsys.disabled():
        print("\nshipped model:", *before.values(), sep="\n  ")
        print("and the newsroom's decisions on the other split:", *after.values(), sep="\n  ")
    for figures in (before, after):
        assert figures["spam"].precision >= 0.8 and figures["spam"].recall >= 0.8
        assert figures["abuse"].precision >= 0.7 and figures["abuse"].recall >= 0.6
        assert figures["doxxing"].precision >= 0.8 and figures["doxxing"].recall >= 0.8
