"""Rule-based scores: lexicons (lexicon.py) and patterns for personal identifiers.

Each rule that fires adds a human-readable reason and the text it matched, so that a
moderator sees why a comment was held and the queue can highlight the words.
Scores of several hits combine as a noisy-OR: two mild insults weigh more than one.
"""

import re
from dataclasses import dataclass, field

from . import lexicon
from .tokens import fold_words, urls


@dataclass
class Hit:
    label: str  # spam, abuse, threat, doxxing
    why: str
    match: str
    weight: float


@dataclass
class RuleResult:
    scores: dict = field(
        default_factory=lambda: {"spam": 0.0, "abuse": 0.0, "threat": 0.0, "doxxing": 0.0}
    )
    hits: list = field(default_factory=list)

    def add(self, hit):
        self.hits.append(hit)
        old = self.scores[hit.label]
        self.scores[hit.label] = 1 - (1 - old) * (1 - hit.weight)


def _term_pattern(term, whole_word=True):
    body = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
    tail = r"[\wñ]*" if term.endswith("*") else (r"\b" if whole_word else "")
    return re.compile(r"(?<![\wñ])" + body + tail)


_INSULTS = [(t, _term_pattern(t), w) for t, w in lexicon.INSULTS.items()]
_SPAM = [(t, _term_pattern(t), w) for t, w in lexicon.SPAM.items()]
_THREATS = [(t, _term_pattern(t, whole_word=False)) for t in lexicon.THREATS]

# Personal identifiers. Patterns run on the original text (case-insensitive) so that the
# queue can highlight exactly what was written.
_PHONE = re.compile(
    r"(?<![\w$.,])(?:\+?\s?(?:52|1)[\s.-]?)?(?:\(\d{2,3}\)|\d{2,3})[\s.-]?"
    r"\d{3,4}[\s.-]?\d{4}(?![\w,.]\d)"
)
_CURP = re.compile(r"\b[A-Z][AEIOUX][A-Z]{2}\d{6}[HM][A-Z]{5}[A-Z0-9]\d\b", re.I)
_RFC = re.compile(r"\b[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}\b", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_PLATE = re.compile(
    r"\b(?:placas?|matr[ií]cula|plates?|license plate|tag)\b[^\n]{0,25}?\b"
    r"((?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{2,4}(?:[-\s]?[A-Z0-9]{1,4}){1,2})\b",
    re.I,
)
_MX_ADDRESS = re.compile(
    r"\b(?:calle|c\.|avenida|av\.?|blvd\.?|bulevar|boulevard|privada|priv\.|andador|"
    r"callej[oó]n|cerrada|carretera)\s+[^\n,;]{2,40}?\s*(?:#|n[oú]m(?:ero)?\.?|no\.)?\s*\d{1,5}"
    r"(?:\s*(?:int|interior|depto)\.?\s*\w+)?\b",
    re.I,
)
_US_ADDRESS = re.compile(
    r"\b\d{2,5}\s+(?:[NSEW]\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:St|Street|Ave|Avenue|"
    r"Rd|Road|Blvd|Dr|Drive|Ln|Lane|Ct|Court|Way|Pl)\b\.?"
)
_LIVES_AT = re.compile(
    r"\b(?:vive en|viven en|su casa (?:esta|está|queda) en|su domicilio|lives (?:at|on)|"
    r"his house is|her house is|their house is|su casa es la)\b",
    re.I,
)
_NEIGHBOURHOOD = re.compile(r"\b(?:col\.|colonia|fracc\.|fraccionamiento)\s+\w+", re.I)


def _digits(text):
    return sum(c.isdigit() for c in text)


def evaluate(text):
    """All rule hits for ``text``."""
    result = RuleResult()
    folded = " ".join(re.split(r"[^\wñ']+", fold_words(text)))

    for _term, pattern, weight in _INSULTS:
        found = pattern.search(folded)
        if found:
            result.add(Hit("abuse", "insult", found.group(0), weight))
    for _term, pattern in _THREATS:
        found = pattern.search(folded)
        if found:
            result.add(Hit("threat", "threat of violence", found.group(0), 0.97))
            result.add(Hit("abuse", "threat of violence", found.group(0), 0.97))
    for _term, pattern, weight in _SPAM:
        found = pattern.search(folded)
        if found:
            result.add(Hit("spam", "advertising or scam words", found.group(0), weight))

    links = urls(text)
    if links:
        weight = {1: 0.25, 2: 0.5}.get(len(links), 0.8)
        result.add(Hit("spam", f"{len(links)} link(s)", links[0], weight))

    for match in _PHONE.finditer(text):
        if 10 <= _digits(match.group(0)) <= 13:
            result.add(Hit("doxxing", "phone number", match.group(0).strip(), 0.9))
    for match in _CURP.finditer(text):
        result.add(Hit("doxxing", "CURP (Mexican personal ID)", match.group(0), 0.95))
    for match in _RFC.finditer(text):
        if not _CURP.search(match.group(0)):
            result.add(Hit("doxxing", "RFC (Mexican tax ID)", match.group(0), 0.85))
    for match in _EMAIL.finditer(text):
        result.add(Hit("doxxing", "e-mail address", match.group(0), 0.6))
    for match in _PLATE.finditer(text):
        result.add(Hit("doxxing", "vehicle plate", match.group(1), 0.8))
    for pattern in (_MX_ADDRESS, _US_ADDRESS):
        for match in pattern.finditer(text):
            result.add(Hit("doxxing", "street address", match.group(0), 0.85))
    for match in _LIVES_AT.finditer(text):
        result.add(Hit("doxxing", "says where someone lives", match.group(0), 0.45))
    for match in _NEIGHBOURHOOD.finditer(text):
        result.add(Hit("doxxing", "neighbourhood named", match.group(0), 0.2))
    return result
