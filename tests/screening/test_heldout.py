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


def test_rules_alone_then_learned_model_on_held_out_comments(capsys):
    train, test = evaluation.split(load())
    assert len(test) >= 50
    before = {f.label: f for f in evaluation.measure(test)}
    evaluation.train(train)
    after = {f.label: f for f in evaluation.measure(test)}
    with capsys.disabled():
        print("\nrules only:", *before.values(), sep="\n  ")
        print("rules + model trained on the other split:", *after.values(), sep="\n  ")
    for label in ("spam", "abuse"):
        assert after[label].precision >= 0.8, after[label]
        assert after[label].recall >= 0.75, after[label]
    assert after["doxxing"].precision >= 0.8 and after["doxxing"].recall >= 0.8
