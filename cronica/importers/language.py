"""Guessing whether a post is in English or Spanish, the two languages the site serves.

Exports carry no reliable language per post, and a two-way choice does not need a
statistical model: counting the most frequent function words of each language decides
any paragraph-length text, and ties (an empty body) fall back to English.
"""

import re

ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "that",
        "for",
        "on",
        "with",
        "was",
        "as",
        "by",
        "at",
        "from",
        "his",
        "her",
        "it",
        "are",
        "were",
        "has",
        "have",
        "had",
        "been",
        "this",
        "which",
        "who",
        "they",
        "their",
        "said",
        "after",
        "not",
        "but",
        "an",
        "be",
        "will",
        "would",
    ]
)
SPANISH = frozenset(
    [
        "el",
        "la",
        "los",
        "las",
        "de",
        "del",
        "que",
        "y",
        "en",
        "un",
        "una",
        "por",
        "con",
        "para",
        "se",
        "su",
        "sus",
        "al",
        "es",
        "lo",
        "como",
        "más",
        "pero",
        "fue",
        "según",
        "este",
        "esta",
        "entre",
        "cuando",
        "sin",
        "sobre",
        "también",
        "hasta",
        "desde",
        "donde",
        "han",
    ]
)


def guess_language(text):
    """``"es"`` or ``"en"`` for ``text``."""
    words = re.findall(r"[a-záéíóúüñ]+", (text or "").lower())
    english = sum(word in ENGLISH for word in words)
    spanish = sum(word in SPANISH for word in words)
    return "es" if spanish > english else "en"
