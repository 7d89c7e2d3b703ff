"""Screening reasons made visible: the words that made a comment suspect, marked in its
text for the moderator. Patterns (phones, addresses) are matched as written; lexicon
terms were matched on folded text ("PENDEJOOO" -> "pendejoo"), so words are compared
folded too."""

import re
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cronica.screening.tokens import fold_words

_WORD = re.compile(r"\w+")


def highlight(text: str, matches: Iterable[str] | None) -> SafeString:
    spans: list[tuple[int, int]] = []
    lowered = text.casefold()
    folded_words: set[str] = set()
    for match in matches or ():
        needle = match.casefold()
        start = lowered.find(needle) if needle else -1
        while start != -1:
            spans.append((start, start + len(needle)))
            start = lowered.find(needle, start + len(needle))
        folded_words.update(w for w in _WORD.findall(fold_words(match)) if len(w) >= 3)
    for word in _WORD.finditer(text):
        if fold_words(word.group(0)) in folded_words:
            spans.append(word.span())
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    out: list[str] = []
    position = 0
    for start, end in merged:
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))
