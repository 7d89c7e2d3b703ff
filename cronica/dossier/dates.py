"""Dates as news states them, in English and Spanish ("Aug. 9, 2023", "el 20 de julio de
2025"), on folded text."""

import re
from datetime import date

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})\s+(?:de\s+)?(?P<m2>{_MONTH})\s+(?:de(?:l)?\s+)?(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<m3>{_MONTH})\s+(?:de(?:l)?\s+)?(?P<y3>(?:19|20)\d\d))\b"
)


def first_date(folded_sentence: str) -> date | None:
    """The first full date stated ("9 August 2023", "Aug. 9, 2023", "el 20 de julio de
    2025"). A month alone ("in July 2023") is not a date: the ledger then uses the
    article's, rather than inventing the first of the month."""
    for match in DATE_RE.finditer(folded_sentence):
        if match["m3"]:
            continue
        month = MONTHS[match["m1"] or match["m2"]]
        year = int(match["y1"] or match["y2"])
        day = int(match["d1"] or match["d2"])
        break
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
