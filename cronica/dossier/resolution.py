"""Corrects the gazetteer's matches with what the text around them says.

- **Group names in their long forms**: "Jalisco New Generation Cartel", "cártel de
  Jalisco Nueva Generación", "Cartel Jalisco Nueva Generacion", "the Jalisco cartel",
  "Sinaloa drug cartel", "los cárteles de Sinaloa y del Golfo" name a criminal group,
  never the state or city inside them. The words of the form (less "cartel", "drug",
  "de"; Spanish group words read in English) are compared with the words of each known
  group's names, so an editor's "Jalisco New Generation Cartel" links all of them. A
  form that names no known group still takes its words from a place match, and is
  reported as an unknown group.
- **Aliases across countries**: an alias of an institution tied to one country
  ("fuerzas armadas" of the Armed Forces of Ecuador) does not link where the text says
  another country ("las fuerzas armadas colombianas", "the armed forces of Colombia").
"""

import re
from functools import cache

from .folding import fold
from .gazetteer import Gazetteer, Match
from .naming import Unknown

# A group form's part: (start, end, its key words).
Part = tuple[int, int, tuple[str, ...]]

_CAP = r"[A-ZÁÉÍÓÚÑ][\w'’-]+"
_LINK = r"(?:de|del|la|y|and|&)"
CARTEL = r"[Cc][AaÁá][Rr][Tt][EeÉé][Ll](?:es|s|ES|S)?"
# "Jalisco New Generation Cartel", "Sinaloa drug cartel", "Sinaloa and Jalisco cartels"
BEFORE_FORM = re.compile(
    rf"(?P<words>{_CAP}(?:\s+(?:{_LINK}\s+)*{_CAP})*)(?:\s*\([A-Z]{{2,6}}\))?"
    rf"\s+(?:(?:drug|crime|criminal|trafficking)\s+)?{CARTEL}\b"
    rf"(?P<tail>(?:\s+(?:Nueva|New)\s+Generaci[oó]n)?)"
)
# Lower-case words that still name a region in a group's name when the writer did not
# capitalize them ("Cártel del pacífico", "Cártel del golfo"): compass and sea words.
_REGION = r"(?:pac[ií]fico|golfo|noreste|noroeste|norte|sur|sureste|oriente|occidente|centro)"
# "cártel de Jalisco Nueva Generación", "Cartel Jalisco Nueva Generacion"
AFTER_FORM = re.compile(
    rf"\b{CARTEL}\s+(?:(?:de|del|of the|of)\s+)?(?:(?:la|el)\s+)?"
    rf"(?P<words>{_CAP}(?:\s+(?:{_LINK}\s+)*{_CAP})*)"
)
# A capitalized "Cártel del pacífico" whose region word the writer left in lower case.
REGION_FORM = re.compile(rf"\bC[ÁAáa][Rr][Tt][EeÉé][Ll]\s+del\s+(?P<words>{_REGION})\b")
# Gangs and other groups named next to a word that says what they are, with names that
# may hold figures or hyphens ("MS-13", "Barrio 18", "Tren de Aragua"):
# "the MS-13 gang", "la pandilla Barrio 18", "la facción de Los Chapitos", "gangs such
# as Los Choneros, Los Lobos and Tren de Aragua" (each item of the list is a group).
_GANG_TOKEN = rf"(?:{_CAP}|[A-Z]{{2,}}(?:-\d{{1,3}})?|\d{{1,3}})"
_GANG_NAME = rf"(?:{_CAP}|[A-Z]{{2,}}(?:-\d{{1,3}})?)(?:\s+(?:(?:de|del|la)\s+)*{_GANG_TOKEN})*"
GANG_WORD = (
    r"(?:[Pp]andillas?|[Bb]andas? (?:criminal(?:es)?|delictivas?)|maras?|[Gg]angs?|"
    r"[Gg]rupos? (?:criminal(?:es)?|delictivos?)|[Oo]rganizaci[oó]n(?:es)? "
    r"(?:criminal(?:es)?|delictivas?)|[Cc]riminal (?:groups?|organizations?|gangs?)|"
    r"[Ff]acci[oó]n(?:es)?|[Ff]actions?)"
)
GANG_AFTER = re.compile(
    rf"\b{GANG_WORD}\s+(?:(?:de|del|of|the|la|el|such as|like|como|including|incluid[oa]s|"
    rf"denominad[oa]s?|llamad[oa]s?|known as|called|conocid[oa]s? como),?\s+)*[“\"«]?"
    rf"(?P<words>{_GANG_NAME})"
)
GANG_BEFORE = re.compile(
    rf"(?P<words>{_GANG_NAME})\s+(?:(?:street|prison|drug|criminal)\s+)?"
    rf"(?:gang|mafia|crime family)\b"
)
LIST_NEXT = re.compile(
    rf"[”\"»]?(?:,\s*(?:(?:and|y|e)\s+)?|\s+(?:and|y|e|or|o)\s+)(?:(?:the|la|el)\s+)?[“\"«]?(?P<words>{_GANG_NAME})"
)
DROP = {"cartel", "carteles", "cartels", "de", "del", "la", "el", "the", "drug", "crime", "of"}
DROP |= {"criminal", "trafficking", "los", "las"}
IN_ENGLISH = {
    "nueva": "new",
    "generacion": "generation",
    "pacifico": "pacific",
    "golfo": "gulf",
    "noreste": "northeast",
    "jalisco": "jalisco",
}
DEMONYMS = {
    "colombian": "colombia",
    "colombiano": "colombia",
    "ecuadorian": "ecuador",
    "ecuatoriano": "ecuador",
    "mexican": "mexico",
    "mexicano": "mexico",
    "guatemalan": "guatemala",
    "guatemalteco": "guatemala",
    "salvadoran": "el salvador",
    "salvadoreno": "el salvador",
    "honduran": "honduras",
    "hondureno": "honduras",
    "nicaraguan": "nicaragua",
    "nicaraguense": "nicaragua",
    "costa rican": "costa rica",
    "costarricense": "costa rica",
    "panamanian": "panama",
    "panameno": "panama",
    "venezuelan": "venezuela",
    "venezolano": "venezuela",
    "peruvian": "peru",
    "peruano": "peru",
    "bolivian": "bolivia",
    "boliviano": "bolivia",
    "american": "united states",
    "estadounidense": "united states",
    "spanish": "spain",
    "espanol": "spain",
    "brazilian": "brazil",
    "brasileno": "brazil",
}


def _demonym(word: str) -> str | None:
    """The country a nationality adjective names ("colombianas" -> "colombia")."""
    for ending in ("as", "os", "es", "a", "o", "s", ""):
        stem = word[: len(word) - len(ending)] if ending else word
        if ending and not word.endswith(ending):
            continue
        for candidate in (stem, stem + "o"):
            if candidate in DEMONYMS:
                return DEMONYMS[candidate]
    return None


def key(text: str) -> tuple[str, ...]:
    """The words that identify a group's name, in English, in order."""
    words = [IN_ENGLISH.get(w, w) for w in re.findall(r"\w+", fold(text))]
    return tuple(w for w in words if w not in DROP)


@cache
def _country_names() -> frozenset[str]:
    from .naming import place_names

    return place_names()


def _group_keys(gazetteer: Gazetteer) -> dict[tuple[str, ...], set[int]]:
    cached: dict[tuple[str, ...], set[int]] | None = getattr(gazetteer, "_group_keys", None)
    if cached is None:
        cached = {}
        for entity_id, info in gazetteer.entities.items():
            if info.kind != "group":
                continue
            for text in [info.name, *gazetteer.aliases_of.get(entity_id, [])]:
                words = key(text)
                if words:
                    cached.setdefault(words, set()).add(entity_id)
        gazetteer._group_keys = cached
    return cached


def _known_group(words: tuple[str, ...], gazetteer: Gazetteer) -> int | None:
    """The one known group whose name these words are (all, or its first words)."""
    keys = _group_keys(gazetteer)
    found = set(keys.get(words, ()))
    if not found:
        for known, ids in keys.items():
            if (
                len(known) > len(words)
                and known[: len(words)] == words
                or len(words) > len(known)
                and words[: len(known)] == known
                and len(known) > 1
            ):
                found |= ids
    return found.pop() if len(found) == 1 else None


def _forms(text: str) -> list[tuple[int, int, list[Part], bool]]:
    """``(start, end, parts, whole)`` of each group form: a plural form ("Sinaloa and
    Jalisco cartels", "gangs such as Los Lobos and Tren de Aragua") has one part
    ``(part start, part end, words)`` per group. ``whole``: the form's text is the
    group's name ("Cártel de Sinaloa"); otherwise each part is ("la pandilla Barrio 18")."""
    seen: list[tuple[int, int, list[Part], bool]] = []

    def free(start: int, end: int) -> bool:
        return not any(s <= start < e or s < end <= e for s, e, _p, _w in seen)

    for pattern in (BEFORE_FORM, AFTER_FORM, REGION_FORM):
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            if not free(start, end):
                continue
            words_start = match.start("words")
            words = match["words"]
            if pattern is BEFORE_FORM:
                while words.split(" ", 1)[0].lower() in ("the", "los", "las", "el", "la"):
                    first, _, rest = words.partition(" ")
                    if not rest:
                        break
                    words_start += len(first) + 1
                    words = rest
                start = words_start
            parts = []
            offset = words_start
            for piece in re.split(r"(\s+(?:y|and|&)\s+(?:(?:del?|la|el)\s+)?)", words):
                if piece and not re.fullmatch(r"\s+(?:y|and|&)\s+(?:(?:del?|la|el)\s+)?", piece):
                    tail = match["tail"] if pattern is BEFORE_FORM else ""
                    parts.append((offset, offset + len(piece), key(piece + tail)))
                offset += len(piece)
            if any(words for _s, _e, words in parts):
                seen.append((start, end, parts, True))
    for pattern in (GANG_AFTER, GANG_BEFORE):
        for match in pattern.finditer(text):
            spans = [match.span("words")]
            while pattern is GANG_AFTER and (more := LIST_NEXT.match(text, spans[-1][1])):
                spans.append(more.span("words"))
            parts = []
            for s, e in spans:
                if re.match(r"The\s+\S", text[s:e]):
                    s += 4  # "The MS-13 gang" at a sentence start ("La Línea" keeps "La")
                if _names_a_group(text[s:e]):
                    parts.append((s, e, key(text[s:e])))
            if parts and free(parts[0][0], parts[-1][1]):
                seen.append((parts[0][0], parts[-1][1], parts, False))
    return seen


def _names_a_group(name: str) -> bool:
    """Whether the words next to a gang word are a name, not a place, a date or an
    adjective ("a Honduras gang", "the gang Tuesday", "a Houston-based gang")."""
    from .naming import STOP_NAMES

    folded = fold(name)
    words = key(name)
    if re.search(r"\w-[a-z]", name):  # "a Houston-based gang", "the Sinaloa-linked gang"
        return False
    return bool(words) and folded not in _country_names() and not set(words) <= STOP_NAMES


def _countries_of(entity_id: int, gazetteer: Gazetteer) -> set[str]:
    info = gazetteer.entities.get(entity_id)
    if info is None:
        return set()
    names = _country_names()
    named = {
        n
        for n in (fold(t) for t in [info.name, *gazetteer.aliases_of.get(entity_id, [])])
        for n in [*(" ".join(n.split()[i:]) for i in range(len(n.split())))]
        if n in names and n in set(DEMONYMS.values())
    }
    for other in gazetteer.related.get(entity_id, ()):
        related = gazetteer.entities.get(other)
        if related and related.level == "country":
            named.add(fold(related.name))
    return named


def _other_country(folded: str, match: Match, gazetteer: Gazetteer) -> bool:
    """Whether the words right after an institution's alias place it in a country
    that is not its own."""
    own = _countries_of(match.entity_id, gazetteer)
    if not own:
        return False
    after = re.match(
        r"\s*(?:(?:de|del|of)\s+(?:la\s+|the\s+)?)?([a-z]+(?:\s+[a-z]+)?)",
        folded[match.end : match.end + 30],
    )
    if not after:
        return False
    words = after[1].split()
    country = (
        _demonym(words[0])
        or (" ".join(words) if " ".join(words) in DEMONYMS.values() else None)
        or (words[0] if words[0] in DEMONYMS.values() else None)
    )
    return country is not None and country not in own


def resolve(
    text: str, matches: list[Match], gazetteer: Gazetteer
) -> tuple[list[Match], list[Unknown]]:
    """``(matches, unknown groups)``: the gazetteer's matches corrected."""
    folded = fold(text)
    entities = gazetteer.entities
    matches = [
        m
        for m in matches
        if not (
            entities.get(m.entity_id)
            and entities[m.entity_id].kind in ("institution", "group")
            and _other_country(folded, m, gazetteer)
        )
    ]
    unknown: list[Unknown] = []
    places = {
        (m.start, m.end)
        for m in matches
        if getattr(entities.get(m.entity_id), "kind", "") == "place"
    }
    for start, end, parts, whole in _forms(text):
        if not whole:  # "a Houston gang" is a gang of a known place, not a name
            parts = [p for p in parts if (p[0], p[1]) not in places]
        found: list[tuple[int, int, int | None]] = []
        for part_start, part_end, words in parts:
            if not words:
                continue
            entity_id = _known_group(words, gazetteer) if entities else None
            found.append((part_start, part_end, entity_id))
        if not found:
            continue
        matches = [m for m in matches if m.end <= start or m.start >= end]
        for part_start, part_end, entity_id in found:
            if entity_id is not None:
                s, e = (start, end) if whole else (part_start, part_end)
                matches.append(Match(entity_id, s, e, text[s:e]))
        if whole and all(entity_id is None for _s, _e, entity_id in found):
            name = " ".join(text[start:end].split())
            unknown.append({"name": name, "type": "group", "mentions": [name]})
        else:
            for part_start, part_end, entity_id in found:
                if entity_id is None:  # "del Golfo" in "los cárteles de Sinaloa y del Golfo"
                    name = " ".join(text[part_start:part_end].split())
                    unknown.append({"name": name, "type": "group", "mentions": [name]})
    matches.sort(key=lambda m: m.start)
    return matches, unknown
