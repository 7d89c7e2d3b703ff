"""Held-out precision and recall of ``score()`` on a labelled set, so a newsroom (and the
test suite) can see how screening does on comments it was not trained on.

Labelled items are ``{"text": ..., "spam": bool, "abuse": bool, "doxxing": bool, ...}``;
a label missing from an item is not measured on it. The split is the one training uses
(corpora.split, by a hash of the text), so the shipped model never saw the test part of
the project's own set. bench/screening_eval.py reports every corpus and language.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .corpora import Item
from .corpora import split as _split
from .scoring import learn_decision, score
from .thresholds import FLAG

LABELS = ("spam", "abuse", "threat", "doxxing")


def split(items: Iterable[Item], test_share: float = 0.3) -> tuple[list[Item], list[Item]]:
    """(train, test) by a hash of each text."""
    return _split(items, test_share)


def train(items: Iterable[Mapping[str, Any]]) -> None:
    """Teaches the newsroom model as moderators would: each item approved, rejected as
    abuse or marked spam (threats and doxxing are not learned from decisions)."""
    for item in items:
        learn_decision(item["text"], spam=bool(item.get("spam")), abuse=bool(item.get("abuse")))


@dataclass
class Figures:
    label: str
    precision: float
    recall: float
    support: int

    def __str__(self) -> str:
        return (
            f"{self.label:8} precision {self.precision:.2f}  recall {self.recall:.2f}  "
            f"(n={self.support})"
        )


def measure(items: Iterable[Mapping[str, Any]], threshold: float = FLAG) -> list[Figures]:
    """Precision and recall of ``score()`` per label at ``threshold`` on ``items``."""
    counts = {label: [0, 0, 0] for label in LABELS}  # true pos, false pos, false neg
    for item in items:
        scores = score(item["text"])
        for label in LABELS:
            if item.get(label) is None:
                continue
            predicted = getattr(scores, label) >= threshold
            actual = bool(item[label])
            if predicted and actual:
                counts[label][0] += 1
            elif predicted:
                counts[label][1] += 1
            elif actual:
                counts[label][2] += 1
    figures = []
    for label, (tp, fp, fn) in counts.items():
        if tp + fn == 0:
            continue
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn)
        figures.append(Figures(label, precision, recall, tp + fn))
    return figures
