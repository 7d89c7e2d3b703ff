"""Names the knowledge base does not know, and what each probably is, without a
knowledge base: a person, a criminal group, an institution, a place, or something else
(a vessel, an operation).
"""

import re

from .dates import MONTHS
from .folding import fold

CONNECTORS = {"de", "del", "la", "las", "los", "of", "the", "el"}
LEADING_ARTICLES = {
    "the",
    "el",
    "la",
    "a",
    "an",
    "un",
    "una",
    "in",
    "en",
    "on",
    "at",
    "but",
    "and",
    "y",
    "after",
    "tras",
    "when",
    "cuando",
    "former",
    "ex",
}
STOP_NAMES = set(MONTHS) | {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "lunes",
    "martes",
    "miercoles",
    "jueves",
    "viernes",
    "sabado",
    "domingo",
}
# Stripped from the front of a name, except "Los"/"Las", which start group names.
LEADING_STRIP = LEADING_ARTICLES | STOP_NAMES | (CONNECTORS - {"los", "las"})
GROUP_HINTS = {
    "cartel",
    "clan",
    "gang",
    "mafia",
    "family",
    "familia",
    "organization",
    "organizacion",
    "frente",
    "brigade",
    "brigada",
    "comando",
    "ring",
}
INSTITUTION_HINTS = {
    "police",
    "policia",
    "army",
    "ejercito",
    "navy",
    "marina",
    "armada",
    "court",
    "tribunal",
    "corte",
    "ministry",
    "ministerio",
    "department",
    "agency",
    "office",
    "fiscalia",
    "customs",
    "aduana",
    "aduanas",
    "guard",
    "guardia",
    "prosecutor",
    "attorney",
    "secretaria",
    "government",
    "gobierno",
    "service",
    "servicio",
    "university",
    "universidad",
}
PLACE_HINTS = {
    "united",
    "states",
    "estados",
    "unidos",
    "republic",
    "republica",
    "city",
    "ciudad",
    "port",
    "puerto",
    "province",
    "provincia",
    "san",
    "santa",
    "north",
    "south",
    "norte",
    "sur",
    "island",
    "isla",
}
# A nickname in double quotes, or in single quotes opened after a space (so that the
# apostrophe of "Ecuador's" never opens one).
QUOTED = re.compile(
    r"[\"“«]([A-ZÁÉÍÓÚÑ][\w'’ .-]{0,30}?)[\"”»]"
    r"|(?:(?<=\s)|^)['‘]([A-ZÁÉÍÓÚÑ][\w .-]{0,30}?)['’](?!\w)"
)
TOKEN = re.compile(r"\w+(?:['’-]\w+)*")



def unknown_names(text, matches, spans):
    """Capitalized names (two words or more, or a quoted nickname) that no known alias
    covers, with a guess at what they are."""
    covered = bytearray(len(text))
    for match in matches:
        covered[match.start : match.end] = b"\x01" * (match.end - match.start)
    found = {}

    def add(name, kind, start, end):
        name = " ".join(name.split())
        if any(covered[start:end]) or fold(name) in STOP_NAMES:
            return
        entry = found.setdefault(name, {"name": name, "type": kind, "mentions": []})
        entry["mentions"].append(name)

    def flush(run, offset):
        while run and fold(run[0][0]) in LEADING_STRIP:
            run.pop(0)
        while run and fold(run[-1][0]) in CONNECTORS:
            run.pop()
        capitals = [t for t in run if t[0][0].isupper()]
        if len(capitals) < 2 or any(fold(t[0]) in STOP_NAMES for t in capitals):
            return
        s, e = run[0].start() + offset, run[-1].end() + offset
        words = {fold(t[0]) for t in run}
        kind = (
            "group"
            if words & GROUP_HINTS or fold(run[0][0]) in {"los", "las"}
            else "institution"
            if words & INSTITUTION_HINTS
            else "place"
            if words & PLACE_HINTS
            else "person"
        )
        add(text[s:e], kind, s, e)

    for quoted in QUOTED.finditer(text):
        group = 1 if quoted[1] else 2
        add(quoted[group].strip(), "person", quoted.start(group), quoted.end(group))
    for offset, sentence in spans:
        tokens = list(TOKEN.finditer(sentence))
        run = []
        for index, token in enumerate(tokens):
            word = token[0]
            if run and sentence[run[-1].end() : token.start()].strip():
                flush(run, offset)  # punctuation between words ends a name
                run = []
            following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
            connector = (
                fold(word) in CONNECTORS
                and bool(run)
                and following[:1].isupper()
                and not sentence[token.end() : tokens[index + 1].start()].strip()
            )
            if word[0].isupper() or connector:
                run.append(token)
            else:
                flush(run, offset)
                run = []
        flush(run, offset)
    return list(found.values())
