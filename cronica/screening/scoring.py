"""Scores for one comment: ``score(text)`` is what the rest of cronica calls.

Three sources of evidence, in this order:

1. the rules (rules.py) find links, phone numbers, addresses, IDs, lexicon words;
2. the shipped model (model.py), trained on public corpora and the project's own
   examples, weighs the words and the rule codes in context and gives a calibrated
   probability per label: spam, abuse, threat, doxxing, each scored on its own;
3. the newsroom's model (bayes.py) learned from this site's moderation decisions
   shifts spam and abuse in log-odds, with a weight that grows with the number of
   decisions, so a young newsroom model cannot overrule the shipped one and a mature one
   can, in both directions (approving "pinche gobierno" comments teaches that this is
   fine here; marking a kind of advert spam teaches that it is spam).

Where a rule is certain the model cannot talk it down: a CURP, a street address or a
phone number pointed at a person is doxxing, three links are spam, a threat phrase is
a threat. Threats and doxxing are not learned from decisions: the cost of learning them
wrong is a person hurt, not a comment mislaid. Without a model file the rules' own
weights are the scores.
"""

import math
from dataclasses import dataclass, field
from typing import Any

from . import bayes, model, rules, target
from .explain import describe

MODEL_WEIGHT = 1.0
MODEL_MATURITY = 5  # examples of the rarer class before the newsroom model has full weight
# Rule codes strong enough to set a floor under the label's score (a bare phone number,
# neither advertised nor pointed at a person, is held for an editor to look at).
CERTAIN = {
    "threat_phrase": "threat",
    "curp": "doxxing",
    "rfc": "doxxing",
    "address": "doxxing",
    "phone_person": "doxxing",
    "phone": "doxxing",
    "plate": "doxxing",
    "many_links": "spam",
    "repeated_text": "spam",
}


def _logit(p: float) -> float:
    p = min(0.999, max(0.001, p))
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


@dataclass
class Scores:
    spam: float = 0.0
    abuse: float = 0.0
    threat: float = 0.0
    doxxing: float = 0.0
    explain: list[dict[str, Any]] = field(default_factory=list)  # structured reasons (explain.py)
    matches: list[str] = field(default_factory=list)

    @property
    def top(self) -> float:
        return max(self.spam, self.abuse, self.threat, self.doxxing)

    @property
    def reasons(self) -> list[str]:
        """The reasons in the active language (English outside a request)."""
        return [describe(item) for item in self.explain]

    def as_dict(self) -> dict[str, Any]:
        return {
            "spam": self.spam,
            "abuse": self.abuse,
            "threat": self.threat,
            "doxxing": self.doxxing,
            "reasons": self.reasons,
            "explain": self.explain,
            "matches": self.matches,
        }


def score(text: str, newsroom: bool = True) -> Scores:
    """Spam, abuse, threat and doxxing probabilities for ``text``, with reasons;
    ``newsroom=False`` leaves out the newsroom's model (a database not yet migrated)."""
    result = rules.evaluate(text)
    shipped = model.load()
    # The abuse prediction is None where the comment's profanity is aimed at nobody and
    # no model scores the rest (_undirected_abuse without a model file).
    predictions: dict[str, model.Prediction | None] = (
        dict(shipped.predict(text, result.codes())) if shipped else {}
    )
    undirected = _undirected_abuse(text, result, shipped, predictions.get("abuse"))
    if undirected is not None:
        predictions["abuse"], result.scores["abuse"] = undirected
    learned = bayes.probabilities(text) if newsroom else {}
    scores = Scores()
    for label in rules.LABELS:
        prediction = predictions.get(label)
        p = prediction.p if prediction else result.scores[label]
        nb_p, examples = learned.get(label, (None, 0))
        if nb_p is not None and examples:
            weight = MODEL_WEIGHT * min(1.0, examples / MODEL_MATURITY)
            p = _sigmoid(_logit(p) + weight * _logit(nb_p))
        floor = max((h.weight for h in result.hits if CERTAIN.get(h.code) == label), default=0)
        p = max(p, floor)
        setattr(scores, label, round(p, 4))
        if p >= 0.5 and prediction and prediction.words:
            scores.explain.append({"label": label, "code": "words", "words": prediction.words})
            scores.matches.extend(prediction.words)
        if p >= 0.5 and nb_p is not None and nb_p >= 0.5 and examples:
            scores.explain.append({"label": label, "code": "newsroom", "p": round(nb_p, 2)})
    seen: list[tuple[str, str]] = []  # (code, match): a match inside one already given adds nothing
    for hit in sorted(result.hits, key=lambda h: -len(h.match)):
        if getattr(scores, hit.label) < 0.5 or hit.code == "person_pointed_at":
            continue
        match = hit.match.casefold()
        if any(code == hit.code and match in other for code, other in seen):
            continue
        seen.append((hit.code, match))
        scores.explain.append({"label": hit.label, "code": hit.code, "match": hit.match})
        scores.matches.append(hit.match)
    return scores


def _undirected_abuse(
    text: str,
    result: rules.RuleResult,
    shipped: model.Model | None,
    prediction: model.Prediction | None,
) -> tuple[model.Prediction | None, float] | None:
    """Profanity aimed at nobody is not abuse (target.py): when the comment swears but
    addresses no one, the abuse evidence is what the model and the rules find in it
    with the swearing taken out, as ``(prediction or None, rules' abuse score)``; None
    when the comment is not such a case."""
    abusive = result.scores["abuse"] >= 0.5 or (prediction is not None and prediction.p >= 0.5)
    if not abusive or not target.profane(text) or target.directed(text):
        return None
    if any(h.code == "insult_strong" and not target.only_profanity(h.match) for h in result.hits):
        return None  # an insult made of profanity ("hijo de puta") names its target
    neutral = target.without_profanity(text)
    rest = rules.evaluate(neutral)
    prediction = shipped.predict(neutral, rest.codes())["abuse"] if shipped else None
    return prediction, rest.scores["abuse"]


def learn_decision(
    text: str, spam: bool | None = None, abuse: bool | None = None, delta: int = 1
) -> None:
    """Teaches the newsroom model one moderator decision; None leaves a label untouched."""
    if spam is not None:
        bayes.learn(text, "spam", spam, delta)
    if abuse is not None:
        bayes.learn(text, "abuse", abuse, delta)
