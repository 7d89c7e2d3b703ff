"""Screening reasons in the editor's language.

Scores carry their reasons as data (``{"label", "code", ...}``), stored with the comment,
and are put into words only when shown, with Django's translations: the same comment
reads "abuse: words that weighed most: ..." to an English-speaking editor and "abuso:
palabras con más peso: ..." to a Spanish-speaking one.
"""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

LABELS = {
    "spam": gettext_lazy("spam"),
    "abuse": gettext_lazy("abuse"),
    "threat": gettext_lazy("threat"),
    "doxxing": gettext_lazy("doxxing"),
}
RULES = {
    "insult": gettext_lazy("insult"),
    "insult_strong": gettext_lazy("insult"),
    "threat_phrase": gettext_lazy("threat of violence"),
    "spam_words": gettext_lazy("advertising or scam words"),
    "link": gettext_lazy("a link"),
    "links": gettext_lazy("two links"),
    "many_links": gettext_lazy("three or more links"),
    "repeated_text": gettext_lazy("the same text repeated"),
    "phone": gettext_lazy("phone number"),
    "phone_person": gettext_lazy("phone number of a person"),
    "phone_ad": gettext_lazy("phone number in an advertisement"),
    "curp": gettext_lazy("CURP (Mexican personal ID)"),
    "rfc": gettext_lazy("RFC (Mexican tax ID)"),
    "email": gettext_lazy("e-mail address"),
    "plate": gettext_lazy("vehicle plate"),
    "address": gettext_lazy("street address"),
    "lives_at": gettext_lazy("says where someone lives"),
    "neighbourhood": gettext_lazy("neighbourhood named"),
}


def describe(item: str | Mapping[str, Any]) -> str:
    """One reason as a sentence in the active language; text kept from before reasons
    were data is shown as it was stored."""
    if isinstance(item, str):
        return item
    label_code = item.get("label", "")
    label = LABELS.get(label_code, label_code)
    code = item.get("code")
    if code == "words":
        words = ", ".join(f"\u201c{w}\u201d" for w in item.get("words", []))
        return _("%(label)s: words that weighed most: %(words)s") % {
            "label": label,
            "words": words,
        }
    if code == "newsroom":
        return _("%(label)s: resembles comments moderators marked as %(label)s (%(p)d%%)") % {
            "label": label,
            "p": round(100 * item.get("p", 0)),
        }
    what = RULES.get(code, code) if isinstance(code, str) else code
    return f"{label}: {what} \u201c{item.get('match', '')}\u201d"
