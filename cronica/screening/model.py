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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import features

if TYPE_CHECKING:  # NumPy is imported only when a model is loaded
    import numpy
    from numpy.typing import NDArray

# Function words weigh in the model (they carry who is addressed: "eres", "your") but
# tell an editor nothing, so explanations leave them out.
STOPWORDS = frozenset(
    [
        "the",
        "and",
        "you",
        "your",
        "you're",
        "are",
        "for",
        "that",
        "this",
        "with",
        "was",
        "what",
        "his",
        "her",
        "him",
        "they",
        "them",
        "their",
        "las",
        "los",
        "les",
        "una",
        "uno",
        "del",
        "por",
        "para",
        "con",
        "que",
        "como",
        "pero",
        "mas",
        "sus",
        "eres",
        "esta",
        "este",
        "esto",
        "estos",
        "esa",
        "ese",
        "muy",
        "ya",
    ]
)
PATH = Path(__file__).resolve().parent / "data" / "screening-model.npz"


@dataclass
class Prediction:
    p: float
    words: list[str]  # the words that raised the score most, strongest first


class Model:
    def __init__(self, arrays: Mapping[str, Any]) -> None:
        self.labels = [str(label) for label in arrays["labels"]]
        self.weights = arrays["weights"].astype("float32")  # (DIM, labels)
        self.bias = arrays["bias"].astype("float64")
        self.platt_a = arrays["platt_a"].astype("float64")
        self.platt_b = arrays["platt_b"].astype("float64")
        self.meta = json.loads(str(arrays["meta"]))

    def predict(self, text: str, rule_codes: Iterable[str] = ()) -> dict[str, Prediction]:
        """``{label: Prediction}`` for ``text`` given the rule codes that fired on it; the
        words are worked out only for labels at or above 0.5, the ones a reason shows."""
        import numpy

        buckets, owners, n_text = features.extract(text, rule_codes)
        values = numpy.array(features.values(buckets, n_text), dtype="float32")
        rows = self.weights[buckets] * values[:, None]  # (features, labels) contributions
        margins = self.bias + rows.sum(axis=0)
        z = numpy.clip(self.platt_a * margins + self.platt_b, -50, 50)
        out = {}
        for j, label in enumerate(self.labels):
            p = float(1 / (1 + math.exp(-z[j])))
            out[label] = Prediction(p, self._words(owners, rows[:, j]) if p >= 0.5 else [])
        return out

    @staticmethod
    def _words(owners: Sequence[str | None], contributions: "NDArray[numpy.float32]") -> list[str]:
        per_word: dict[str, float] = {}
        for owner, c in zip(owners, contributions.tolist(), strict=True):
            if owner is not None and len(owner) > 2 and owner not in STOPWORDS:
                per_word[owner] = per_word.get(owner, 0.0) + c
        top = sorted(((c, w) for w, c in per_word.items() if c > 0.05), reverse=True)
        return [w for _c, w in top[:3]]


@lru_cache(maxsize=1)
def load(path: Path | str = PATH) -> Model | None:
    """The model, or None when no model file has been trained (rules then work alone)."""
    if not Path(path).exists():
        return None
    import numpy  # deferred: importing NumPy is most of the cost of loading the model

    with numpy.load(path, allow_pickle=False) as arrays:
        return Model(arrays)
