"""The shipped screening model: one calibrated linear model per label over hashed word,
character and rule features (features.py), trained by ``cronica train_screening``.

The model is a NumPy ``.npz`` of plain arrays, loaded with ``allow_pickle=False`` (a
model file cannot run code), once per process and only when first needed, so commands
that never score pay nothing for it. Scoring is a sum of looked-up weights, then a
Platt sigmoid fitted on data the weights were not fitted on, so that 0.7 means "about
7 in 10 comments scored like this were labelled so" on the held-out corpora.
"""

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import features

PATH = Path(__file__).resolve().parent / "data" / "screening-model.npz"


@dataclass
class Prediction:
    p: float
    words: list  # the words that raised the score most, strongest first


class Model:
    def __init__(self, arrays):
        self.labels = [str(label) for label in arrays["labels"]]
        self.weights = arrays["weights"].astype("float32")  # (DIM, labels)
        self.bias = arrays["bias"].astype("float64")
        self.platt_a = arrays["platt_a"].astype("float64")
        self.platt_b = arrays["platt_b"].astype("float64")
        self.meta = json.loads(str(arrays["meta"]))

    def predict(self, text, rule_codes=()):
        """``{label: Prediction}`` for ``text`` given the rule codes that fired on it."""
        buckets, owners, n_text = features.extract(text, rule_codes)
        values = features.values(buckets, n_text)
        rows = self.weights[buckets] if buckets else self.weights[:0]
        out = {}
        for j, label in enumerate(self.labels):
            contributions = rows[:, j].tolist()
            margin = self.bias[j] + sum(w * v for w, v in zip(contributions, values))
            z = self.platt_a[j] * margin + self.platt_b[j]
            p = 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))
            per_word = {}
            for owner, w, v in zip(owners, contributions, values):
                if owner is not None:
                    per_word[owner] = per_word.get(owner, 0.0) + w * v
            top = sorted((c, w) for w, c in per_word.items() if c > 0.05)[::-1]
            out[label] = Prediction(p, [w for _c, w in top[:3]])
        return out


@lru_cache(maxsize=1)
def load(path=PATH):
    """The model, or None when no model file has been trained (rules then work alone)."""
    if not Path(path).exists():
        return None
    import numpy  # deferred: importing NumPy is most of the cost of loading the model

    with numpy.load(path, allow_pickle=False) as arrays:
        return Model(arrays)
