"""Detecting the language a post is written in.

Exports carry no reliable language per post. py3langid's model (shipped in the package,
140 languages) names the language of any paragraph-length text; a post in a language
the site's interface does not offer keeps its own code (``ro``, ``el``) rather than being
mislabelled, and the import summary flags it. For short or unclear text, where no
statistical model is reliable, counting the most frequent function words of English and
Spanish decides between the site's two languages, and ties (an empty body) fall back to
English.
"""

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

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


# Below this many words, or this confidence, the model's answer is not trusted.
MIN_WORDS = 20
MIN_CONFIDENCE = 0.9
SITE_LANGUAGES = {"en", "es"}


@cache
def _identifier() -> "LanguageIdentifier":
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


def detect_language(text: str | None) -> str:
    """The ISO 639 code of ``text``'s language: ``"en"`` or ``"es"`` unless the text is
    long enough and clearly in another language."""
    text = text or ""
    fallback = guess_language(text)
    if len(re.findall(r"\w+", text)) < MIN_WORDS:
        return fallback
    code, confidence = _identifier().classify(text)
    if confidence < MIN_CONFIDENCE or code == "zxx":  # zxx: "no linguistic content"
        return fallback
    return code


def guess_language(text: str | None) -> str:
    """``"es"`` or ``"en"`` for ``text``."""
    words = re.findall(r"[a-záéíóúüñ]+", (text or "").lower())
    english = sum(word in ENGLISH for word in words)
    spanish = sum(word in SPANISH for word in words)
    return "es" if spanish > english else "en"
