"""Naive Bayes over tokens, learned from moderators' decisions.

Binarised multinomial naive Bayes with Laplace smoothing: each comment counts a token
once. Counts live in ``TokenStat``/``LabelStat`` and are updated with single UPDATE
statements (F expressions), so concurrent decisions from several editors add up instead
of overwriting each other. A decision can be undone (``delta=-1``) when a moderator
changes their mind, so the model always reflects the latest decision on each comment.
"""

import math

from django.db import transaction
from django.db.models import F

from .models import LabelStat, TokenStat
from .tokens import tokens

LABELS = ("spam", "abuse")
MAX_TOKEN = 64


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


def probabilities(text: str) -> dict[str, tuple[float | None, int]]:
    """``{label: (p, examples)}``: the model's probability that ``text`` is ``label``, and
    how many examples of the rarer class it has seen (its confidence); p is None for a
    label with no examples of one class yet."""
    stats = {
        s.label: s
        for s in LabelStat.objects.filter(label__in=LABELS)
        if s.positive_docs > 0 and s.negative_docs > 0
    }
    if not stats:  # a newsroom that has not decided both ways yet: nothing to look up
        return dict.fromkeys(LABELS, (None, 0))
    features = _features(text)
    counts: dict[tuple[str, str], tuple[int, int]] = {}
    for row in TokenStat.objects.filter(token__in=features).values_list(
        "label", "token", "positive", "negative"
    ):
        counts[(row[0], row[1])] = (row[2], row[3])
    vocabulary = max(1, TokenStat.objects.count()) if features else 1
    out: dict[str, tuple[float | None, int]] = {}
    for label in LABELS:
        stat = stats.get(label)
        if stat is None:
            out[label] = (None, 0)
            continue
        docs = stat.positive_docs + stat.negative_docs
        log_pos = math.log(stat.positive_docs / docs)
        log_neg = math.log(stat.negative_docs / docs)
        for token in features:
            pos, neg = counts.get((label, token), (0, 0))
            if pos == 0 and neg == 0:
                continue  # never seen under this label: no evidence either way
            log_pos += math.log((pos + 1) / (max(stat.positive_tokens, 0) + vocabulary))
            log_neg += math.log((neg + 1) / (max(stat.negative_tokens, 0) + vocabulary))
        diff = max(-50.0, min(50.0, log_pos - log_neg))
        out[label] = (1 / (1 + math.exp(-diff)), min(stat.positive_docs, stat.negative_docs))
    return out
