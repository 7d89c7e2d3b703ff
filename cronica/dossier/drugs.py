"""The drugs the ledger counts, and how English and Spanish news name them (on folded
text). Shared by the extractor and the ledger's filters."""

import re


def gettext_noop(message: str) -> str:
    """Marks a drug name for translation (makemessages finds it by this name) without
    making this module need Django's settings: extraction also runs bare."""
    return message


DRUGS = [  # canonical name (translated on pages), pattern on folded text
    (
        gettext_noop("cocaine"),
        r"cocaine|cocaina|coca paste|pasta base|pasta de coca|crack|coke",
    ),
    (gettext_noop("fentanyl"), r"fentanyl|fentanilo"),
    (
        gettext_noop("methamphetamine"),
        r"methamphetamines?|metanfetaminas?|crystal meth|meth|cristal",
    ),
    (gettext_noop("heroin"), r"heroin|heroina|goma de opio|opium gum"),
    (gettext_noop("marijuana"), r"marijuana|marihuana|cannabis|mariguana"),
    (gettext_noop("hashish"), r"hashish|hachis"),
    (
        gettext_noop("precursors"),
        r"precursor chemicals|precursores quimicos|precursors|precursores",
    ),
]
DRUG_RE = re.compile("|".join(rf"(?P<{name}>\b(?:{pattern})\b)" for name, pattern in DRUGS))
