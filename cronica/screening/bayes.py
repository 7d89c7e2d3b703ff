"""Naive Bayes over tokens, learned from moderators' decisions.

Binarised multinomial naive Bayes with Laplace smoothing: each comment counts a token
once. Counts live in ``TokenStat``/``LabelStat`` and are updated with single UPDATE
statements (F expressions), so concurrent decisions from several editors add up instead
of overwriting each other. A decision can be undone (``delta=-1``) when a moderator
changes their mind, so the model always reflects the latest decision on each comment.

Scoring a comment needs each label's totals and the vocabulary's size, which only a
decision changes, while every comment POST reads them: under a comment flood that was
a query or two per POST for numbers that had not moved. Each process keeps them
(``KeptTotals``) tagged with the ``VERSION`` token every process of the site shares
(cronica/core/versions.py); ``learn`` replaces the token, now and once its transaction
commits, so the next comment scored in any process, on any machine, reads the new
totals. ``MAX_AGE`` bounds changes made without ``learn`` (a raw UPDATE, a restore).
The counts of the comment's own tokens are still read per comment: they are few rows,
and which ones depends on the text.
"""

import math
import time
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F

from cronica.core import versions

from .models import LabelStat, TokenStat
from .tokens import tokens

LABELS = ("spam", "abuse")
MAX_TOKEN = 64
VERSION = "screening-newsroom-totals"
MAX_AGE = 30.0


@dataclass(frozen=True)
class Totals:
    """Per label with examples of both classes: (positive docs, negative docs, positive
    tokens, negative tokens); and how many (label, token) pairs the model has seen."""

    labels: dict[str, tuple[int, int, int, int]]
    vocabulary: int
    version: str
    loaded_at: float

    @classmethod
    def load(cls, version: str) -> "Totals":
        labels = {
            s.label: (s.positive_docs, s.negative_docs, s.positive_tokens, s.negative_tokens)
            for s in LabelStat.objects.filter(label__in=LABELS)
            if s.positive_docs > 0 and s.negative_docs > 0
        }
        vocabulary = max(1, TokenStat.objects.count()) if labels else 1
        return cls(labels, vocabulary, version, time.monotonic())


class KeptTotals:
    """One process's copy of the ``Totals``, loaded again when the shared version has
    changed or the copy is older than ``MAX_AGE``."""

    def __init__(self) -> None:
        self._kept: Totals | None = None

    def get(self) -> Totals:
        version = versions.current(VERSION)  # read before the rows it covers
        kept = self._kept
        if kept is None or kept.version != version or time.monotonic() - kept.loaded_at >= MAX_AGE:
            kept = self._kept = Totals.load(version)
        return kept


_totals = KeptTotals()


def _features(text: str) -> list[str]:
    return sorted({t[:MAX_TOKEN] for t in tokens(text)})


@transaction.atomic
def learn(text: str, label: str, positive: bool, delta: int = 1) -> None:
    """Counts ``text`` as a positive (or negative) example of ``label``."""
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r}")
    features = _features(text)
    side = "positive" if positive else "negative"
    LabelStat.objects.get_or_create(label=label)
    LabelStat.objects.filter(label=label).update(
        **{
            f"{side}_docs": F(f"{side}_docs") + delta,
            f"{side}_tokens": F(f"{side}_tokens") + delta * len(features),
        }
    )
    if features:
        TokenStat.objects.bulk_create(
            [TokenStat(label=label, token=t) for t in features], ignore_conflicts=True
        )
        TokenStat.objects.filter(label=label, token__in=features).update(**{side: F(side) + delta})
    versions.bump(VERSION)


def probabilities(text: str) -> dict[str, tuple[float | None, int]]:
    """``{label: (p, examples)}``: the model's probability that ``text`` is ``label``, and
    how many examples of the rarer class it has seen (its confidence); p is None for a
    label with no examples of one class yet."""
    totals = _totals.get()
    if not totals.labels:  # a newsroom that has not decided both ways yet: nothing to look up
        return dict.fromkeys(LABELS, (None, 0))
    features = _features(text)
    counts: dict[tuple[str, str], tuple[int, int]] = {}
    for row in TokenStat.objects.filter(token__in=features).values_list(
        "label", "token", "positive", "negative"
    ):
        counts[(row[0], row[1])] = (row[2], row[3])
    vocabulary = totals.vocabulary if features else 1
    out: dict[str, tuple[float | None, int]] = {}
    for label in LABELS:
        stat = totals.labels.get(label)
        if stat is None:
            out[label] = (None, 0)
            continue
        positive_docs, negative_docs, positive_tokens, negative_tokens = stat
        docs = positive_docs + negative_docs
        log_pos = math.log(positive_docs / docs)
        log_neg = math.log(negative_docs / docs)
        for token in features:
            pos, neg = counts.get((label, token), (0, 0))
            if pos == 0 and neg == 0:
                continue  # never seen under this label: no evidence either way
            log_pos += math.log((pos + 1) / (max(positive_tokens, 0) + vocabulary))
            log_neg += math.log((neg + 1) / (max(negative_tokens, 0) + vocabulary))
        diff = max(-50.0, min(50.0, log_pos - log_neg))
        out[label] = (1 / (1 + math.exp(-diff)), min(positive_docs, negative_docs))
    return out
