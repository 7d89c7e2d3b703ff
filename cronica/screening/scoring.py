"""Scores for one comment: ``score(text)`` is what the rest of cronica calls.

The rules (rules.py) know the obvious words and identifiers; the learned model
(bayes.py) knows this newsroom's decisions. They combine in log-odds: a rule hit is
strong evidence, the model shifts it up or down by a weight that grows with the number
of decisions it has learned from, so a young model cannot overrule the rules and a
mature one can (an editor who keeps approving "pinche gobierno" teaches it that this is
fine here). The model may only lower a rule's score for words moderators have
approved much more often than flagged; otherwise it can raise a score but not bury a
rule hit it has simply never seen. Threats and doxxing are rule-only: the cost of learning them wrong is a
person hurt, not a comment mislaid.
"""

import math
from dataclasses import dataclass, field

from . import bayes, rules
from .tokens import tokens

RULE_FLOOR = 0.1  # what "no rule fired" means in log-odds terms
RULE_CEIL = 0.98
MODEL_WEIGHT = 1.0
MODEL_MATURITY = 5  # examples of the rarer class before the model has its full weight


def _logit(p):
    return math.log(p / (1 - p))


def _sigmoid(x):
    return 1 / (1 + math.exp(-x))


@dataclass
class Scores:
    spam: float = 0.0
    abuse: float = 0.0
    threat: float = 0.0
    doxxing: float = 0.0
    reasons: list = field(default_factory=list)
    matches: list = field(default_factory=list)

    @property
    def top(self):
        return max(self.spam, self.abuse, self.threat, self.doxxing)

    def as_dict(self):
        return {
            "spam": self.spam,
            "abuse": self.abuse,
            "threat": self.threat,
            "doxxing": self.doxxing,
            "reasons": self.reasons,
            "matches": self.matches,
        }


def score(text):
    """Spam, abuse, threat and doxxing probabilities for ``text``, with reasons."""
    result = rules.evaluate(text)
    scores = Scores(threat=result.scores["threat"], doxxing=result.scores["doxxing"])
    learned = bayes.probabilities(text)
    for label in bayes.LABELS:
        rule_p = min(RULE_CEIL, max(RULE_FLOOR, result.scores[label]))
        model_p, examples = learned[label]
        if model_p is None:
            final = result.scores[label]
        else:
            weight = MODEL_WEIGHT * min(1.0, examples / MODEL_MATURITY)
            model_p = min(0.999, max(0.001, model_p))
            final = _sigmoid(_logit(rule_p) + weight * _logit(model_p))
            rule_score = result.scores[label]
            if final < rule_score:
                words = [w for hit in result.hits if hit.label == label for w in tokens(hit.match)]
                if not bayes.approved_more_than_rejected(label, words):
                    final = rule_score
            if result.scores[label] == 0 and final <= RULE_FLOOR:
                final = min(final, model_p)
            if model_p >= 0.5 and final >= 0.5:
                scores.reasons.append(
                    f"{label}: resembles comments moderators marked as {label} ({model_p:.0%})"
                )
        setattr(scores, label, round(final, 4))
    scores.abuse = max(scores.abuse, result.scores["threat"])  # a threat is always abuse
    scores.threat = round(scores.threat, 4)
    scores.doxxing = round(scores.doxxing, 4)
    seen = []  # (why, match): a match inside one already given adds nothing
    for hit in sorted(result.hits, key=lambda h: -len(h.match)):
        match = hit.match.casefold()
        if any(why == hit.why and match in other for why, other in seen):
            continue
        seen.append((hit.why, match))
        scores.reasons.append(f"{hit.label}: {hit.why} \u201c{hit.match}\u201d")
        scores.matches.append(hit.match)
    return scores


def learn_decision(text, spam=None, abuse=None, delta=1):
    """Teaches the model one moderator decision; None leaves a label untouched."""
    if spam is not None:
        bayes.learn(text, "spam", spam, delta)
    if abuse is not None:
        bayes.learn(text, "abuse", abuse, delta)
