"""Numbers as reporters write them, in English and Spanish: drug quantities normalized to
kilograms, and sums of money in US dollars.

Every pattern runs on folded text (lowercase, no accents, same offsets as the original,
see ``folding.py``), so "toneladas métricas" and "TONELADAS METRICAS" read the same.
Numbers accept both "1,200.5" and "1.200,5": a separator followed by exactly three digits
groups thousands; any other separator is the decimal point ("9,5 toneladas" = 9.5 t).
"Tons" are metric tons, the unit police and customs report seizures in.
"""

import re
from dataclasses import dataclass

from .folding import fold

WORD_NUMBERS = {
    # English
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a dozen": 12,
    "dozens of": 24,
    "half a": 0.5,
    "a half": 0.5,
    # Spanish
    "un": 1,
    "una": 1,
    "uno": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "once": 11,
    "doce": 12,
    "quince": 15,
    "veinte": 20,
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "cien": 100,
    "media": 0.5,
    "medio": 0.5,
}

SCALES = {
    "thousand": 1e3,
    "mil": 1e3,
    "million": 1e6,
    "millon": 1e6,
    "millones": 1e6,
    "m": 1e6,
    "mdd": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "mil millones": 1e9,
}

UNITS = {
    "ton": 1000.0,
    "tonne": 1000.0,
    "metric ton": 1000.0,
    "tonelada": 1000.0,
    "tonelada metrica": 1000.0,
    "kilogram": 1.0,
    "kilogramme": 1.0,
    "kilogramo": 1.0,
    "kilo": 1.0,
    "kg": 1.0,
    "pound": 0.45359237,
    "lb": 0.45359237,
    "libra": 0.45359237,
    "gram": 0.001,
    "gramo": 0.001,
}

QUALIFIERS = {
    "more_than": [
        "more than",
        "over",
        "upwards of",
        "in excess of",
        "just over",
        "mas de",
        "poco mas de",
        "arriba de",
        "por encima de",
        "superior a",
    ],
    "nearly": ["nearly", "almost", "close to", "just under", "casi", "cerca de", "poco menos de"],
    "about": [
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "an estimated",
        "alrededor de",
        "aproximadamente",
        "unos",
        "unas",
        "aprox.",
    ],
    "at_least": ["at least", "al menos", "por lo menos", "como minimo"],
    "up_to": ["up to", "hasta"],
}
QUALIFIER_OF = {phrase: name for name, phrases in QUALIFIERS.items() for phrase in phrases}


def _alternation(words):
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


DIGITS = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
WORDS = _alternation(WORD_NUMBERS)
NUMBER = rf"(?:{DIGITS}|(?<![\w])(?:{WORDS}))"
QUALIFIER = rf"(?P<qualifier>{_alternation(QUALIFIER_OF)})\s+"
SCALE = rf"(?:\s*(?P<scale>mil millones|{_alternation(set(SCALES) - {'m', 'bn', 'mdd'})})\b)"
UNIT = (
    r"(?P<unit>metric tons?|tonnes?|tons?|toneladas?(?: metricas?)?|kilogram(?:me)?s?|"
    r"kilogramos?|kilos?|kgs?|pounds?|lbs?|libras?|grams?|gramos?)\b"
)

QUANTITY_RE = re.compile(
    rf"(?<![\w.,])(?:{QUALIFIER})?(?P<number>{NUMBER}){SCALE}?\s*(?:-\s*)?(?:de\s+)?{UNIT}"
)

MONEY_RE = re.compile(
    rf"(?<![\w.,])(?:{QUALIFIER})?(?:"
    rf"(?:us\s?\$|usd\s?|\$)\s?(?P<n1>{DIGITS})(?:\s*(?P<s1>mil millones|million|billion|"
    rf"thousand|millones|millon|mil|bn|m)\b)?(?:\s+(?:us\s+)?(?:dollars|de dolares|dolares))?"
    rf"|(?P<n2>{NUMBER})\s*(?:(?P<s2>mil millones|million|billion|thousand|millones|millon|"
    rf"mil)\s+)?(?:(?:de\s+)?(?:us dollars|dollars|dolares(?: estadounidenses)?|usd)\b)"
    rf"|(?P<n3>{DIGITS})\s*mdd\b)"
)
NOT_DOLLARS = re.compile(r"\s*(?:(?:de\s+)?pesos|mxn|mn\b|euros?)")


def parse_number(text):
    """A number as written ("9.5", "9,5", "1,200", "1.200,5", "nine", "media") or None."""
    text = text.strip()
    if text in WORD_NUMBERS:
        return float(WORD_NUMBERS[text])
    if not text or not text[0].isdigit():
        return None
    separators = [i for i, c in enumerate(text) if c in ".,"]
    if not separators:
        return _plausible(float(text))
    last = separators[-1]
    decimals = len(text) - last - 1
    mixed = len({text[i] for i in separators}) > 1
    if mixed or decimals != 3:
        whole, fraction = text[:last], text[last + 1 :]
    else:
        whole, fraction = text, ""
    digits = re.sub(r"[.,]", "", whole)
    return _plausible(float(f"{digits}.{fraction}" if fraction else digits))


# No report counts a seizure or a sum in the quadrillions; a longer run of digits is noise
# (and past ~1e308 float() gives infinity, which JSON cannot carry).
MAX_NUMBER = 1e15


def _plausible(value):
    return value if value <= MAX_NUMBER else None


def _unit_factor(unit):
    singular = " ".join(w[:-1] if w.endswith("s") and len(w) > 2 else w for w in unit.split())
    return UNITS.get(singular)


@dataclass
class Quantity:
    kg: float | None
    text: str
    qualifier: str
    start: int
    end: int


@dataclass
class Money:
    usd: float
    text: str
    qualifier: str
    start: int
    end: int


def quantities(text):
    """Every weight in ``text``, normalized to kilograms."""
    folded = fold(text)
    found = []
    for match in QUANTITY_RE.finditer(folded):
        number = parse_number(match["number"])
        factor = _unit_factor(match["unit"])
        if number is None or factor is None:
            continue
        scale = SCALES.get(match["scale"], 1.0) if match["scale"] else 1.0
        kg = round(number * scale * factor, 3)
        found.append(
            Quantity(
                kg,
                text[match.start() : match.end()],
                QUALIFIER_OF.get(match["qualifier"] or "", ""),
                match.start(),
                match.end(),
            )
        )
    return found


def money(text):
    """Every sum in US dollars in ``text`` ("$160 million", "160 millones de dólares",
    "US$1.2 billion", "25 mdd"); sums in pesos or euros are left out."""
    folded = fold(text)
    found = []
    for match in MONEY_RE.finditer(folded):
        if NOT_DOLLARS.match(folded, match.end()):
            continue
        number = parse_number(match["n1"] or match["n2"] or match["n3"])
        if number is None:
            continue
        scale_word = match["s1"] or match["s2"] or ("mdd" if match["n3"] else None)
        usd = number * SCALES.get(scale_word, 1.0) if scale_word else number
        found.append(
            Money(
                round(usd, 2),
                text[match.start() : match.end()].strip(),
                QUALIFIER_OF.get(match["qualifier"] or "", ""),
                match.start(),
                match.end(),
            )
        )
    return found
