"""Is the profanity in a comment aimed at someone?

Abuse, for a newsroom, is an attack on a person or a group (docs/screening-data.md,
labelling guide). Swearing at nothing ("qué pinche desmadre", "this is fucking awful",
"puta madre, otra vez sin luz") is how many readers of the beat talk, and must not be
held. The public English data the shipped model learned abuse from (Davidson et al.)
labels such tweets offensive, so the model learned "fucking" as abuse whatever it is
aimed at. This module lets scoring (scoring.py) undo that where nobody is addressed:
profanity counts towards abuse only when the comment also addresses or points at someone.

The profanity words are those that work as intensifiers or exclamations. Insults that
are nouns for a person ("pendejo", "idiot", slurs) are not in the list: they name their
target themselves and keep their weight whatever this module says. Threats and doxxing
are separate labels and never pass through here.
"""

import re
from typing import Literal

from .tokens import fold_words

# Folded (tokens.fold_words); a trailing "*" takes any ending.
PROFANITY = [
    # English
    "fuck*",
    "effing",
    "shit*",
    "damn*",
    "goddamn*",
    "hell",
    "crap*",
    "bloody",
    "bitch",  # singular, as in "life's a bitch"; "bitches" are people
    "ass",
    # Spanish and Mexican slang
    "pinche*",
    "puta madre",
    "puta",
    "chingad*",
    "chingar",
    "chingue*",
    "desmadre*",
    "mierda*",
    "verga*",
    "carajo",
    "joder",
    "cono",
    "hostia*",
    "madres",
    "no mames",
    "mames",
]
# Someone addressed or pointed at: the second person, a mention, a demonstrative or a
# copula about a person, or a noun for a person next to the profanity ("pinche reportero").
_ADDRESSED = (
    r"you|your|yours|you'?re|youre|u|ur|yourself|yourselves|y'?all|"
    r"tu|tú|tus|te|ti|eres|sos|usted|ustedes|vos|contigo|vete|callate|cállate|shut|"
    r"he'?s|she'?s|they'?re|he is|she is|they are|him|them|"
    r"este|ese|esa|estos|esos|esas|aquel|aquella|"  # not "esta": unaccented "está"
    r"guy|guys|dude|dudes|woman|people|reporter|reporters|journalist|author|"
    r"writer|blogger|editor|wey|guey|buey|vato|morro|tipo|vieja|viejo|reportero|reportera|"
    r"reporteros|periodista|periodistas|autor|autora|bloguero|editor"
)
# A swear word as a vocative, after a comma and ending the sentence ("..., bitch!").
_VOCATIVE = r"[,;]\s*(?:bitch\w*|puta|puto|perra|cabr[oó]n\w*|hijo de puta)\s*(?:[.!?]|$)"
_TARGET = re.compile(r"(?<![\wñ'])(?:" + _ADDRESSED + r")(?![\wñ'])|@\w|" + _VOCATIVE)


def _pattern(term: str) -> str:
    body = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
    tail = r"[\wñ]{0,20}" if term.endswith("*") else r"(?![\wñ])"
    return body + tail


_PROFANITY = re.compile(r"(?<![\wñ])(?:" + "|".join(map(_pattern, PROFANITY)) + ")")


def profane(text: str) -> bool:
    """Whether ``text`` holds a profanity word."""
    return bool(_PROFANITY.search(fold_words(text)))


def only_profanity(phrase: str) -> bool:
    """Whether ``phrase`` (a lexicon match) is profanity and nothing else: "bitch" is,
    "come mierda" and "hijo de puta" are insults built from it, aimed at a person."""
    return not _PROFANITY.sub(" ", fold_words(phrase)).strip()


def directed(text: str) -> bool:
    """Whether ``text`` addresses or points at someone (a second person, a mention, a
    demonstrative, a person noun)."""
    return bool(_TARGET.search(text.casefold()))


# The second person: "eres una mierda" insults the reader it addresses, "soy una mierda"
# (HateCheck's self-deprecation, labelled not hateful) insults nobody else.
_SECOND_PERSON = re.compile(
    r"(?<![\wñ'])(?:you|your|you'?re|youre|u|ur|yourself|tu|tú|tus|te|ti|eres|sos|usted|"
    r"ustedes|vos|contigo|vete|callate|cállate)(?![\wñ'])|@\w"
)


def profanity_target(text: str) -> Literal["addressed", "pointed"] | None:
    """Whom ``text`` swears at: "addressed" (a second person or a mention), "pointed" (a
    demonstrative or a person noun: "pinche reportero"), or None (no profanity, or aimed
    at nobody). Features of the model (features.py), so that what it learns from English
    swearing at "you" carries to "tú" and "eres", and swearing at oneself or at nothing
    does not look like swearing at someone."""
    if not profane(text):
        return None
    if _SECOND_PERSON.search(text.casefold()):
        return "addressed"
    return "pointed" if directed(text) else None


def without_profanity(text: str) -> str:
    """``text`` folded, with its profanity words taken out: what the model scores to ask
    whether anything but the swearing made the comment look abusive."""
    return " ".join(_PROFANITY.sub(" ", fold_words(text)).split())
