"""Features of a comment for the learned model, shared by training and scoring.

Words and word pairs catch phrases ("check out my channel", "sabemos donde"); character
n-grams inside words catch spellings no word list foresees ("pendejaso", "suscribanse",
"chinguen"); rule codes (rules.py) bring in what patterns know, in a form that carries
across languages: an insult from the Spanish lexicon fires the same feature as one from
the English lexicon, so a weight learned mostly from English data still applies; and
one feature for whom the swearing is aimed at (target.profanity_target), which words
alone confuse with swearing at oneself or at nothing.

Features are hashed (CRC-32, stable across processes and Python versions, unlike
``hash``) into ``DIM`` buckets, so the model is a plain array and needs no vocabulary.
Each feature remembers the word it came from, which is how explanations name the words
that weighed most.
"""

import re
import zlib
from collections.abc import Iterable, Sequence

from .target import profanity_target
from .tokens import fold_words

DIM = 1 << 18
CHAR_NGRAMS = (3, 4, 5)
_WORD = re.compile(r"[a-zñ]+(?:'[a-z]+)?|\d+")


def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode()) & (DIM - 1)


def words(text: str) -> list[str]:
    """Folded words, digit runs reduced to their length ("0000000000" -> "#10")."""
    out: list[str] = []
    for w in _WORD.findall(fold_words(text)):
        out.append(f"#{min(len(w), 12)}" if w[0].isdigit() else w)
    return out


def extract(text: str, rule_codes: Iterable[str] = ()) -> tuple[list[int], list[str | None], int]:
    """``(buckets, owners, n_text)``: the hashed features of ``text`` (each once), the word
    each came from (None for rule codes), and how many text features there are (the
    scale of their weights: a long comment is not more suspect for being long)."""
    seen: dict[int, str | None] = {}
    ws = words(text)
    for i, w in enumerate(ws):
        seen.setdefault(_bucket("w:" + w), w)
        if i:
            seen.setdefault(_bucket(f"b:{ws[i - 1]} {w}"), w)
        if w[0] == "#" or len(w) < 3:
            continue
        padded = f" {w} "
        for n in CHAR_NGRAMS:
            for j in range(len(padded) - n + 1):
                seen.setdefault(_bucket("c:" + padded[j : j + n]), w)
    n_text = len(seen)
    aimed = profanity_target(text)
    if aimed:
        seen.setdefault(_bucket("x:profanity_" + aimed), None)
    for code in sorted(rule_codes):
        seen.setdefault(_bucket("r:" + code), None)
    return list(seen), list(seen.values()), n_text


def values(buckets: Sequence[int], n_text: int) -> list[float]:
    """The value of each feature: text features share a unit of weight (L2 norm 1), rule
    codes count 1 each."""
    scale = 1 / n_text**0.5 if n_text else 0.0
    return [scale if i < n_text else 1.0 for i in range(len(buckets))]
