"""Rule-based evidence: lexicons (lexicon.py) and patterns for links, phone numbers,
addresses, personal IDs and repeated text.

Rules are strong where a pattern is unambiguous (a CURP, a street address, three links)
and weak where words need context (an insult may be friendly slang, a phone number may be
an advertisement). So each hit carries a ``code`` that the learned model (model.py) reads
as a feature and weighs in context, a ``weight`` used on its own when no model is
loaded, and the text it matched, so the queue can highlight it and say why.

Every pattern here is linear in the length of the text: each repetition is bounded and
each variable-length pattern starts with a lookbehind, so a long line without a match
costs one pass, not one pass per starting position (tests/screening/test_model.py).
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from . import lexicon
from .tokens import fold_words, urls

LABELS = ("spam", "abuse", "threat", "doxxing")


@dataclass
class Hit:
    label: str  # spam, abuse, threat, doxxing
    code: str  # stable name of the rule, a model feature and a key for translated reasons
    match: str
    weight: float


@dataclass
class RuleResult:
    scores: dict[str, float] = field(default_factory=lambda: dict.fromkeys(LABELS, 0.0))
    hits: list[Hit] = field(default_factory=list)

    def add(self, hit: Hit) -> None:
        self.hits.append(hit)
        old = self.scores[hit.label]
        self.scores[hit.label] = 1 - (1 - old) * (1 - hit.weight)

    def codes(self) -> set[str]:
        return {hit.code for hit in self.hits}


def _term_pattern(term: str, whole_word: bool = True) -> re.Pattern[str]:
    body = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
    tail = r"[\wñ]{0,20}" if term.endswith("*") else (r"\b" if whole_word else "")
    return re.compile(r"(?<![\wñ])" + body + tail)


def _terms(
    terms: Mapping[str, float], whole_word: bool = True
) -> list[tuple[str, re.Pattern[str], float]]:
    """(needle, pattern, weight) per term; the needle, the term's first word, is a plain
    substring test that skips the regular expression for most terms of most comments."""
    return [(t.rstrip("*").split()[0], _term_pattern(t, whole_word), w) for t, w in terms.items()]


_INSULTS = _terms(lexicon.INSULTS)
_SPAM = _terms(lexicon.SPAM)
_THREATS = _terms(dict.fromkeys(lexicon.THREATS, 0.97), whole_word=False)

# Personal identifiers. Patterns run on the original text (case-insensitive) so that the
# queue can highlight exactly what was written.
_PHONE = re.compile(
    r"(?<![\w$.,])(?:\+?\s?(?:52|1)[\s.-]?)?(?:\(\d{2,3}\)|\d{2,3})[\s.-]?"
    r"\d{3,4}[\s.-]?\d{4}(?![\w,.]\d)"
)
_CURP = re.compile(r"\b[A-Z][AEIOUX][A-Z]{2}\d{6}[HM][A-Z]{5}[A-Z0-9]\d\b", re.I)
_RFC = re.compile(r"\b[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}\b", re.I)
# RFC 5321 limits: 64 characters before the @, 255 after. The lookbehind makes a match
# start only where a run of address characters starts, so a long run without "@" is
# scanned once instead of once per position (the old pattern was quadratic).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b")
_PLATE = re.compile(
    r"\b(?:placas?|matr[ií]cula|plates?|license plate|tag)\b[^\n]{0,25}?\b"
    r"((?=[A-Z0-9-]{0,12}\d)(?=[A-Z0-9-]{0,12}[A-Z])[A-Z0-9]{2,4}(?:[-\s]?[A-Z0-9]{1,4}){1,2})\b",
    re.I,
)
_MX_ADDRESS = re.compile(
    r"\b(?:calle|c\.|avenida|av\.?|blvd\.?|bulevar|boulevard|privada|priv\.|andador|"
    r"callej[oó]n|cerrada|carretera)\s+[^\n,;]{2,40}?\s*(?:#|n[oú]m(?:ero)?\.?|no\.)?\s*\d{1,5}"
    r"(?:\s*(?:int|interior|depto)\.?\s*\w{1,10})?\b",
    re.I,
)
_US_ADDRESS = re.compile(
    r"\b\d{2,5}\s+(?:[NSEW]\.?\s+)?[A-Z][a-z]{1,30}(?:\s+[A-Z][a-z]{1,30})?\s+(?:St|Street|"
    r"Ave|Avenue|Rd|Road|Blvd|Dr|Drive|Ln|Lane|Ct|Court|Way|Pl)\b\.?"
)
_LIVES_AT = re.compile(
    r"\b(?:vive en|viven en|su casa (?:esta|está|queda) en|su domicilio|lives (?:at|on|in)|"
    r"his house is|her house is|their house is|su casa es la)\b",
    re.I,
)
_NEIGHBOURHOOD = re.compile(r"\b(?:col\.|colonia|fracc\.|fraccionamiento)\s+\w{1,30}", re.I)
# Pointing at a particular private person: a name, "this is the guy", "the one who talked",
# their workplace, school, car or family. With an identifier this makes doxxing; alone it
# is only context for the model.
_PERSON = re.compile(
    r"\b(?:se llama|su nombre es|his name is|her name is|their name is|name'?s|"
    r"este es el|esta es la|ese es el|esa es la|es el que|es la que|el que (?:habl|delat|avis|"
    r"denunci|puso)\w{0,8}|this is the (?:guy|dude|one|snitch)|the (?:guy|one|dude) who|"
    r"that'?s the (?:guy|one)|su cel(?:ular)?|su n[uú]mero|su tel[eé]fono|his (?:number|cell|phone)"
    r"|her (?:number|cell|phone)|el soplón|el soplon|the snitch|the informant|el halc[oó]n)\b",
    re.I,
)
_WHEREABOUTS = re.compile(
    r"\b(?:trabaja en|works (?:at|the)|da clases en|teaches at|va en la|goes to|estudia en|"
    r"anda en un|drives an?|maneja una?|se estaciona en|parks at|placas|plates?)\b",
    re.I,
)
# An advertisement: a phone number next to these is a way to buy something (spam), not
# a person's number being exposed.
_AD = re.compile(
    r"\b(?:vendo|venta|se vende|se renta|renta|rento|informes|info|pedidos|cotizaci[oó]n(?:es)?|"
    r"citas|promoci[oó]n|promo|precio|precios|servicio|servicios|env[ií]o|a domicilio|"
    r"solicit[oa]|se solicitan|empleo|sueldo|pr[eé]stamos?|cr[eé]dito|curso|cupo|"
    r"for sale|selling|wholesale|quote|discount|free consultation|call now|call today|"
    r"text me|hiring|prices?|insurance|repair|deals?|limited time|order)\b",
    re.I,
)
_REPEATED_LINE = re.compile(r"(?m)^(.{8,200})$(?:\n\1$){2,}")


def _code(label: str, weight: float) -> str:
    if label == "abuse":
        return "insult_strong" if weight >= 0.9 else "insult"
    return "threat_phrase" if label == "threat" else "spam_words"


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


def _repeated_words(folded: str) -> float:
    """Share of words that repeat an earlier word, for comments made of one phrase
    pasted over and over ("BUY NOW BUY NOW BUY NOW ...")."""
    words = folded.split()
    if len(words) < 12:
        return 0.0
    return 1 - len(set(words)) / len(words)


def evaluate(text: str) -> RuleResult:
    """All rule hits for ``text``."""
    result = RuleResult()
    folded = " ".join(re.split(r"[^\wñ']+", fold_words(text)))

    for label, terms in (("abuse", _INSULTS), ("threat", _THREATS), ("spam", _SPAM)):
        for needle, pattern, weight in terms:
            found = needle in folded and pattern.search(folded)
            if found:
                result.add(Hit(label, _code(label, weight), found.group(0), weight))

    links = urls(text)
    if links:
        code = {1: "link", 2: "links"}.get(len(links), "many_links")
        weight = {1: 0.25, 2: 0.5}.get(len(links), 0.8)
        result.add(Hit("spam", code, links[0], weight))
    if _REPEATED_LINE.search(text) or _repeated_words(folded) > 0.6:
        result.add(Hit("spam", "repeated_text", text[:40], 0.6))

    person = _PERSON.search(text) or _WHEREABOUTS.search(text)
    advert = _AD.search(text)
    for match in _PHONE.finditer(text):
        if not 10 <= _digits(match.group(0)) <= 13:
            continue
        number = match.group(0).strip()
        if person:
            result.add(Hit("doxxing", "phone_person", number, 0.9))
        elif advert or any(h.code == "spam_words" for h in result.hits):
            result.add(Hit("spam", "phone_ad", number, 0.5))
        else:
            result.add(Hit("doxxing", "phone", number, 0.6))
    for match in _CURP.finditer(text):
        result.add(Hit("doxxing", "curp", match.group(0), 0.95))
    for match in _RFC.finditer(text):
        if not _CURP.search(match.group(0)):
            result.add(Hit("doxxing", "rfc", match.group(0), 0.85))
    for match in EMAIL.finditer(text):
        result.add(Hit("doxxing", "email", match.group(0), 0.6))
    for match in _PLATE.finditer(text):
        result.add(Hit("doxxing", "plate", match.group(1), 0.8))
    for pattern in (_MX_ADDRESS, _US_ADDRESS):
        for match in pattern.finditer(text):
            result.add(Hit("doxxing", "address", match.group(0), 0.85))
    for match in _LIVES_AT.finditer(text):
        result.add(Hit("doxxing", "lives_at", match.group(0), 0.45))
    for match in _NEIGHBOURHOOD.finditer(text):
        result.add(Hit("doxxing", "neighbourhood", match.group(0), 0.2))
    if person:
        result.add(Hit("doxxing", "person_pointed_at", person.group(0), 0.3))
    return result
