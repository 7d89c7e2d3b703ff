"""Numbers as reporters write them, in English and Spanish: drug quantities normalized to
kilograms, counts of pills, packages, bricks and doses, and sums of money in US dollars.

Every pattern runs on folded text (lowercase, no accents, same offsets as the original,
see ``folding.py``), so "toneladas métricas" and "TONELADAS METRICAS" read the same.

Numbers accept "1,200.5", "1.200,5" and "2 350" (a space between thousands, as Mexican
and Central American outlets write): a separator followed by exactly three digits groups
thousands; any other is the decimal point ("9,5 toneladas" = 9.5 t). The Mexican "mil 450"
and "3 mil 700" (1,450 and 3,700) are read as such, and number words ("dos toneladas",
"doscientos mil", "one hundred") are valued by ``text2num`` rather than by a table here.
Two weights written as one ("dos toneladas y cuarenta kilos", "441 kilogramos 998 gramos")
add up, and a conversion in brackets ("1,205 pounds (546.8 kg)") is the same weight.

Unit factors come from ``pint``'s definitions. "Tons" are metric tons, the unit police and
customs report seizures in, except where the caller says the text counts in US units
(pounds): US agencies' "tons" are short tons of 2,000 pounds.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from text_to_num import text2num

from .folding import fold

if TYPE_CHECKING:
    import pint

# Number words: this only finds where a spelled-out number starts and ends; its value is
# text2num's reading. "a"/"an"/"un"/"una" count as one ("a ton", "una tonelada").
_ES_WORD = (
    r"un[oa]?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|"
    r"quince|dieci\w+|veinte|veinti\w+|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|"
    r"noventa|cien|ciento|doscient[oa]s|trescient[oa]s|cuatrocient[oa]s|quinient[oa]s|"
    r"seiscient[oa]s|setecient[oa]s|ochocient[oa]s|novecient[oa]s|mil"
)
_EN_WORD = (
    r"an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand"
)
_WORD = rf"(?:{_ES_WORD}|{_EN_WORD})"
SPELLED = rf"{_WORD}(?:(?:\s+|-)(?:(?:y|and)\s+)?{_WORD})*"
HALF = r"half an?|a half|medio|media"
# The small counts reporters spell out before people or cases ("two suspects", "en cinco
# operativos"), with their values: extraction.py counts victims and arrests with them and
# seizures.py tells a total over several cases from a single haul.
SMALL_NUMBERS = {
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
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
}
SMALL_NUMBER = "|".join(SMALL_NUMBERS)
SEVERAL_NUMBER = "|".join(word for word, value in SMALL_NUMBERS.items() if value > 1)
FEW = {"a dozen": 12, "dozens of": 24, "una docena de": 12, "decenas de": 24}

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

# Each written unit, as pint names it (pint holds the conversion factors).
UNITS = {
    "metric ton": "metric_ton",
    "tonne": "metric_ton",
    "tonelada": "metric_ton",
    "tonelada metrica": "metric_ton",
    "ton": "metric_ton",
    "short ton": "short_ton",
    "kilogram": "kilogram",
    "kilogramme": "kilogram",
    "kilogramo": "kilogram",
    "kilo": "kilogram",
    "kg": "kilogram",
    "pound": "pound",
    "lb": "pound",
    "libra": "pound",
    "gram": "gram",
    "gramo": "gram",
    "gr": "gram",
    "ounce": "ounce",
    "oz": "ounce",
    "onza": "ounce",
}

QUALIFIERS = {
    "more_than": [
        "more than",
        "over",
        "upwards of",
        "in excess of",
        "just over",
        "a little more than",
        "slightly more than",
        "mas de",
        "poco mas de",
        "arriba de",
        "por encima de",
        "superior a",
    ],
    "nearly": [
        "nearly",
        "almost",
        "close to",
        "just under",
        "casi",
        "cerca de",
        "cercano a",
        "cercano a las",
        "poco menos de",
    ],
    "about": [
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "an estimated",
        "estimated",
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


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


DIGITS = (
    r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?"
    r"|\d{1,3}(?:[ \u00a0]\d{3})+(?![\d.,]\d)"  # "2 350", never "2 350.5" or "12 3,5"
    r"|\d+(?:[.,]\d+)?"
)
MIL_FORM = r"(?:\d{1,3}\s+)?mil\s+\d{1,3}(?:[.,]\d+)?(?!\d)"  # "mil 450", "3 mil 700"
NUMBER = rf"(?:{MIL_FORM}|{DIGITS}|(?<![\w])(?:{_alternation(FEW)}|{HALF}|{SPELLED})(?![\w]))"
QUALIFIER = rf"(?P<qualifier>{_alternation(QUALIFIER_OF)})\s+"
SCALE = rf"(?:\s*(?P<scale>mil millones|{_alternation(set(SCALES) - {'m', 'bn', 'mdd'})})\b)"
UNIT = (
    r"(?P<unit>metric tons?|short tons?|tonnes?|tons?|toneladas?(?: metricas?)?|"
    r"kilogram(?:me)?s?|kilogramos?|kilos?|kgs?|pounds?|lbs?|libras?|grams?|gramos?|grs?|"
    r"ounces?|onzas?|oz)\b"
)

QUANTITY_RE = re.compile(
    rf"(?<![\w.,])(?:{QUALIFIER})?(?P<number>{NUMBER}){SCALE}?\s*(?:-\s*)?(?:de\s+)?{UNIT}"
)
# What may join two weights that are one ("2 toneladas y 40 kilos", "441 kg 998 g").
JOINED = re.compile(r"\s*(?:y|and|con)?\s*$")
BRACKETED = re.compile(r"\s*\(\s*$")

COUNT_UNITS = {
    "pills": r"pills|tablets|pastillas|pildoras|tabletas|comprimidos",
    "packages": r"packages|packets|paquetes",
    "bricks": r"bricks|ladrillos|panelas",
    "doses": r"doses|dosis",
}
COUNT_RE = re.compile(
    rf"(?<![\w.,])(?:{QUALIFIER})?(?P<number>{NUMBER}){SCALE}?\s+(?:de\s+)?"
    rf"(?:(?:counterfeit|fake|blue|rainbow|small|rectangular|rectangulares|azules)\s+)?"
    rf"(?P<unit>{'|'.join(rf'(?P<{name}>{pattern})' for name, pattern in COUNT_UNITS.items())})"
    r"\b"
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


def _spelled(text: str) -> float | None:
    """The value of spelled-out number words, in Spanish or English, or None."""
    if re.fullmatch(HALF, text):
        return 0.5
    if text in FEW:
        return float(FEW[text])
    if text in ("a", "an", "un", "una", "uno"):
        return 1.0
    words = re.sub(r"-", " ", text)
    for language in ("es", "en"):
        try:
            return float(text2num(words, language))
        except ValueError:
            continue
    return None


def parse_number(text: str) -> float | None:
    """A number as written ("9.5", "9,5", "1,200", "1.200,5", "2 350", "mil 450",
    "3 mil 700", "nine", "doscientos", "media") or None."""
    text = " ".join(text.split())
    if not text:
        return None
    mil = re.fullmatch(r"(?:(\d{1,3})\s+)?mil\s+(\d{1,3}(?:[.,]\d+)?)", text)
    if mil:
        thousands = int(mil[1]) if mil[1] else 1
        rest = float(mil[2].replace(",", "."))
        return _plausible(thousands * 1000 + rest)
    if not text[0].isdigit():
        return _spelled(text)
    text = text.replace(" ", "")
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


def _plausible(value: float | None) -> float | None:
    return value if value is not None and value <= MAX_NUMBER else None


@cache
def _registry() -> "pint.UnitRegistry":
    """pint's unit registry, built once and only when a weight is first read (it takes
    a tenth of a second, which a process that never reads a weight should not pay)."""
    import pint

    return pint.UnitRegistry()


@cache
def unit_factor(unit: str, short_tons: bool = False) -> float | None:
    """Kilograms in one ``unit`` as written ("toneladas", "lbs", "short tons")."""
    singular = " ".join(w[:-1] if w.endswith("s") and len(w) > 2 else w for w in unit.split())
    name = UNITS.get(singular)
    if name is None:
        return None
    if short_tons and singular == "ton":
        name = "short_ton"
    return float(_registry().Quantity(1, name).to("kilogram").magnitude)


@dataclass
class Quantity:
    kg: float | None
    text: str
    qualifier: str
    start: int
    end: int
    unit: str = ""  # the unit as written, folded ("pounds", "kilos")


@dataclass
class Count:
    """A number of pills, packages, bricks or doses."""

    number: int
    unit: str  # one of COUNT_UNITS
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


def _value(match: re.Match[str]) -> float | None:
    number = parse_number(match["number"])
    if number is None:
        return None
    scale = SCALES.get(match["scale"], 1.0) if match["scale"] else 1.0
    return number * scale


def quantities(text: str, short_tons: bool = False) -> list[Quantity]:
    """Every weight in ``text``, normalized to kilograms."""
    folded = fold(text)
    found: list[Quantity] = []
    for match in QUANTITY_RE.finditer(folded):
        value = _value(match)
        factor = unit_factor(match["unit"], short_tons)
        if value is None or factor is None:
            continue
        quantity = Quantity(
            round(value * factor, 3),
            text[match.start() : match.end()],
            QUALIFIER_OF.get(match["qualifier"] or "", ""),
            match.start(),
            match.end(),
            match["unit"],
        )
        previous = found[-1] if found else None
        gap = folded[previous.end : match.start()] if previous else ""
        if previous and BRACKETED.fullmatch(gap):
            # "1,205.48 pounds (546.80 kg)": one weight; the metric figure is the one kept.
            if factor in (unit_factor("kg"), unit_factor("tonelada")):
                previous.kg = quantity.kg
            previous.end = folded.find(")", match.end()) + 1 or match.end()
            previous.text = text[previous.start : previous.end]
            continue
        if (
            previous
            and not match["qualifier"]
            and JOINED.fullmatch(gap)
            and "\n" not in gap
            # previous.unit was read with a factor, so it has one.
            and factor < (unit_factor(previous.unit, short_tons) or 0.0)
        ):
            # "dos toneladas y cuarenta kilos": one weight in two units.
            assert previous.kg is not None and quantity.kg is not None  # both weights read
            previous.kg = round(previous.kg + quantity.kg, 3)
            previous.end = match.end()
            previous.text = text[previous.start : previous.end]
            continue
        found.append(quantity)
    return found


def counts(text: str) -> list[Count]:
    """Every count of pills, packages, bricks or doses in ``text``."""
    folded = fold(text)
    found = []
    for match in COUNT_RE.finditer(folded):
        value = _value(match)
        if value is None or value < 1 or value != int(value):
            continue
        unit = next(name for name in COUNT_UNITS if match[name])
        found.append(
            Count(
                int(value),
                unit,
                text[match.start() : match.end()],
                QUALIFIER_OF.get(match["qualifier"] or "", ""),
                match.start(),
                match.end(),
            )
        )
    return found


def money(text: str) -> list[Money]:
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
