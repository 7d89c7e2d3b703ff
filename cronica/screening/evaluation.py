"""Held-out evaluation of screening on a labeled set, so a newsroom (and the test suite)
can see how well the rules and the learned model do on its own comments.

Labeled items are ``{"text": ..., "spam": bool, "abuse": bool, "doxxing": bool}``. The
split is deterministic (by a hash of the text), so figures are comparable run to run.
"""

import hashlib
from dataclasses import dataclass

from . import bayes
from .scoring import learn_decision, score
from .thresholds import FLAG

LABELS = ("spam", "abuse", "doxxing")


def split(items, test_share=0.3):
    """(train, test): each item lands in test when its text's hash says so."""
    train, test = [], []
    for item in items:
        bucket = int(hashlib.sha256(item["text"].encode()).hexdigest()[:8], 16) % 100
        (test if bucket < test_share * 100 else train).append(item)
    return train, test


def train(items):
    """Teaches the model as moderators would: each item is approved, rejected as abuse or
    marked spam (doxxing is rule-only and not learned)."""
    for item in items:
        learn_decision(item["text"], spam=bool(item.get("spam")), abuse=bool(item.get("abuse")))


@dataclass
class Figures:
    label: str
    precision: float
    recall: float
    support: int

    def __str__(self):
        return (
            f"{self.label:8} precision {self.precision:.2f}  recall {self.recall:.2f}  "
            f"(n={self.support})"
        )


def model_only(text):
    """The learned model's own probabilities, without the rules (for comparison)."""
    learned = bayes.probabilities(text)
    return {label: (learned[label][0] or 0.0) if label in learned else 0.0 for label in LABELS}


def combined(text):
    scores = score(text)
    return {label: getattr(scores, label) for label in LABELS}


def measure(items, threshold=FLAG, scorer=combined):
    """Precision and recall per label at ``threshold`` on ``items``."""
    counts = {label: [0, 0, 0] for label in LABELS}  # true pos, false pos, false neg
    for item in items:
        scores = scorer(item["text"])
        for label in LABELS:
            predicted = scores[label] >= threshold
            actual = bool(item.get(label))
            if predicted and actual:
                counts[label][0] += 1
            elif predicted:
                counts[label][1] += 1
            elif actual:
                counts[label][2] += 1
    figures = []
    for label, (tp, fp, fn) in counts.items():
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        figures.append(Figures(label, precision, recall, tp + fn))
    return figures
