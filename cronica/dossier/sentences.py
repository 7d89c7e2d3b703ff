"""Splits an article's plain text into sentences, keeping offsets into the text.

A module of its own because both the extractor and the name typer (``naming``) read
articles sentence by sentence, and the typer is imported by the extractor.
"""

import re
from collections.abc import Iterator

SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”»)]*\s+(?=[\"'“«¿¡(]?[A-ZÁÉÍÓÚÑ])|\n\s*\n")
# A headline: a short first line of a paragraph with no full stop, over a capitalized
# line. It ends there, even with no blank line under it (a line wrapped mid-sentence
# is longer, or starts no paragraph).
HEADLINE = re.compile(
    r"(?:^|\n[ \t]*\n)[ \t]*(?P<line>[^\n.!?]{1,160}?)[ \t]*(?P<end>\n)(?=[\"'“«¿¡(]?[A-ZÁÉÍÓÚÑ])"
)


# A full stop that ends an abbreviation or initials ("U.S. Customs", "Rear Adm. Smith",
# "Sept. 28") ends no sentence.
ABBREVIATION = re.compile(
    r"(?:\b[A-Z]\.(?:[A-Z]\.)*|\b(?:Mr|Mrs|Ms|Dr|Adm|Capt|Sgt|Gen|Lt|Col|Sen|Rep|Gov|Jr|St|"
    r"No|Fla|Tex|Calif|Ariz|Inc|Corp|Co|Ltd|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Sr|Sra|Lic|Ing|"
    r"Gral|Cap|Cmdt|Cmdr|Pvt)\.)$"
)


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """``(start, sentence)`` pairs; offsets are into ``text``."""
    boundaries = [
        (b.start(), b.end())
        for b in SENTENCE_END.finditer(text)
        if "\n" in b[0] or not ABBREVIATION.search(text, max(0, b.start() - 8), b.start())
    ]
    boundaries += [
        (h.start("end"), h.end("end"))
        for h in HEADLINE.finditer(text)
        if len(h["line"].split()) <= 14
    ]
    position = 0
    for start, end in sorted(boundaries):
        if start < position:
            continue
        chunk = text[position:start]
        if chunk.strip():
            yield position, chunk
        position = end
    if text[position:].strip():
        yield position, text[position:]
