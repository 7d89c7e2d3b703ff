"""Accent- and case-folding that keeps every character in place.

The linker searches folded text and must map each match back to the original text, so
folding is strictly one character to one character: "Cártel" -> "cartel", "ÑANDÚ" ->
"nandu". Offsets in the folded string are offsets in the original string.
"""

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=8192)
def fold_char(char: str) -> str:
    """The lowercase, unaccented form of one character, always exactly one character."""
    lowered = char.lower()
    if len(lowered) != 1:  # "İ".lower() is two characters; keep the first
        lowered = lowered[0]
    base = unicodedata.normalize("NFD", lowered)[0]
    return base if base.isalnum() or not lowered.isalnum() else lowered


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold_run(match: re.Match[str]) -> str:
    return "".join(map(fold_char, match.group()))


def fold(text: str) -> str:
    """``text`` lowercased and stripped of accents, with the same length as ``text``."""
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lowercases to two characters
        return "".join(map(fold_char, text))
    if lowered.isascii():
        return lowered
    # Accented letters are few in any text: fold just those runs (fold_char is cached).
    return _NON_ASCII.sub(_fold_run, lowered)


def is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
