"""Names the knowledge base does not know, and what each probably is, without a
knowledge base: a person, a criminal group, an institution, a place, or something else
(a vessel, an operation), from the evidence the text itself gives:

- a title before the name makes it a person ("Port Director Carlos Rodriguez",
  "Attorney General Pamela Bondi", "el ministro de la Defensa, Henry Sáenz"), and the
  title is not part of the name;
- words of the name itself: "cartel", "clan", "Nueva Generación" for groups;
  "Administration", "Secretaría", "Fiscalía", "Región Naval" for institutions;
  "Bridge", "Port", "Terminal", "Punta" for places; "Cutter", "Operation" for other;
- country and province names (ISO 3166, in English and Spanish, from ``pycountry``);
- the words around it: "in"/"en" before a place, a vessel word ("buque", "cutter",
  "lancha") before a ship's name, "alias" before a nickname;
- capitals that carry no evidence are discarded: a headline in Title Case or in capitals
  is not read for names, and the first word of a sentence only counts when the article
  also capitalizes it mid-sentence ("Detiene SEMAR", "Our CBP" are not names). A
  dateline ("FORT LAUDERDALE, Fla. —") is a place.

A name with no evidence for anything else and two to four capitalized words is a person.
"""

import re
from collections.abc import Collection, Iterable
from functools import cache
from typing import TypedDict

from .dates import MONTHS
from .folding import fold
from .gazetteer import Match
from .sentences import sentences


class Unknown(TypedDict):
    """A name no known alias covers, as ``cronica extract`` reports it."""

    name: str
    type: str
    mentions: list[str]


CONNECTORS = {"de", "del", "la", "las", "los", "of", "the", "el", "and", "y"}
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
    "our",
    "nuestro",
    "nuestra",
    "sobre",
    "about",
    "with",
    "con",
    "by",
    "por",
    "para",
    "for",
    "from",
    "desde",
    "multiple",
    "several",
    "varios",
    "according",
    "segun",
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
TRAILING_STRIP = CONNECTORS | {"en", "in"}
TITLES = {
    "port director",
    "director",
    "directora",
    "attorney general",
    "deputy attorney general",
    "attorney",
    "administrator",
    "acting administrator",
    "deputy",
    "president",
    "presidente",
    "presidenta",
    "secretary",
    "secretario",
    "ministro",
    "ministra",
    "viceministro",
    "viceministra",
    "fiscal",
    "general",
    "comandante",
    "commander",
    "commanding officer",
    "capt",
    "captain",
    "capitan",
    "rear adm",
    "adm",
    "admiral",
    "almirante",
    "gen",
    "col",
    "coronel",
    "teniente",
    "lt",
    "sgt",
    "sargento",
    "gov",
    "governor",
    "gobernador",
    "gobernadora",
    "senator",
    "sen",
    "rep",
    "judge",
    "juez",
    "jueza",
    "officer",
    "agent",
    "agente",
    "special agent",
    "vocero",
    "portavoz",
    "alcalde",
    "alcaldesa",
    "mayor",
    "sheriff",
    "chief",
    "jefe",
    "jefa",
    "commissioner",
    "comisionado",
    "dr",
    "mr",
    "mrs",
    "ms",
    "don",
    "dona",
    "alias",
    "u.s. attorney",
    "us attorney",
    "head",
}
TITLE_WORDS = {w for title in TITLES for w in title.split()}
GROUP_HINTS = {
    "cartel",
    "carteles",
    "cartels",
    "clan",
    "gang",
    "mafia",
    "family",
    "familia",
    "organizacion",
    "frente",
    "brigade",
    "brigada",
    "ring",
    "generation",
    "generacion",
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
    "juzgado",
    "ministry",
    "ministerio",
    "department",
    "departamento",
    "agency",
    "agencia",
    "office",
    "oficina",
    "fiscalia",
    "procuraduria",
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
    "administration",
    "enforcement",
    "protection",
    "proteccion",
    "investigations",
    "investigacion",
    "patrol",
    "bureau",
    "embassy",
    "embajada",
    "consulate",
    "consulado",
    "task",
    "force",
    "fuerza",
    "fuerzas",
    "comando",
    "command",
    "direccion",
    "gabinete",
    "centro",
    "center",
    "region",
    "registro",
    "mesa",
    "instituto",
    "institute",
    "unidad",
    "unit",
    "division",
    "cuerpo",
    "seguridad",
    "security",
    "defensa",
    "defense",
    "justice",
    "justicia",
    "interior",
    "hacienda",
    "treasury",
    "naval",
    "nacional",
    "national",
    "federal",
    "ministerial",
    "militar",
    "militares",
    "military",
    "antinarcoticos",
    "antidrogas",
    "terminals",
    "company",
    "corporation",
    "news",
    "press",
    "times",
    "post",
    "express",
    "herald",
    "journal",
    "tribune",
    "congress",
    "congreso",
    "senate",
    "senado",
    "commission",
    "comision",
    "council",
    "consejo",
    "operations",
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
    "east",
    "eastern",
    "western",
    "norte",
    "sur",
    "island",
    "isla",
    "bridge",
    "bridges",
    "puente",
    "ocean",
    "oceano",
    "sea",
    "mar",
    "basin",
    "gulf",
    "golfo",
    "county",
    "condado",
    "river",
    "rio",
    "punta",
    "bahia",
    "bay",
    "valley",
    "valle",
    "highway",
    "carretera",
    "terminal",
    "airport",
    "aeropuerto",
    "facility",
    "crossing",
    "district",
    "distrito",
    "entry",
    "nuevo",
    "nueva",
    "new",
    "fraccionamiento",
    "colonia",
    "calle",
    "avenida",
    "street",
    "laguna",
    "lago",
    "cerro",
    "sierra",
}
OTHER_HINTS = {
    "cutter",
    "operation",
    "operacion",
    "operativo",
    "strategy",
    "estrategia",
    "program",
    "programa",
    "plan",
    "pruebas",
    "cartilla",
}
VESSEL_BEFORE = re.compile(
    r"(?:cutter|cutters|buque|barco|vessel|ship|lancha|lanchas|embarcacion|motonave|"
    r"tiburonera|pesquero|nombre de|named|llamad[oa])\W+(?:\w+\W+){0,2}$"
)
PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|en|cerca de|hacia|rumbo a|frente a|poblados? de|localidad de|"
    r"municipio de|comunidad de|town of|village of|city of|ciudad de|puerto de|costas de)"
    r"\s+(?:(?:the|el|la|los|las)\s+)?)$"
)
TITLE_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted((re.escape(t) for t in TITLES if len(t) > 3), key=len, reverse=True))})"
    r"(?:\s+(?:de|del|of|the|la|los)?\s*\w+){0,3},\s*$"
)
NICKNAME_BEFORE = re.compile(
    r"(?:alias|known as|apodado|conocido como|nicknamed|a\.k\.a\.|aka)\W*$"
)
SAID_AFTER = re.compile(
    r"^\W*(?:said|says|told|stated|added|dijo|informo|indico|afirmo|,\s*\d{2}\b|\(\d{2}\)|,?\s*de \d{2} anos)"
)
# A nickname in double quotes, or in single quotes opened after a space (so that the
# apostrophe of "Ecuador's" never opens one).
QUOTED = re.compile(r"[\"“«‘']([A-ZÁÉÍÓÚÑ][\w'’ .-]{0,30}?)[\"”»’'](?!\w)")
POSSESSIVE = re.compile(r"['’]s$")
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|\w+(?:['’-]\w+)*")


@cache
def place_names() -> frozenset[str]:
    """Countries (English and Spanish) and their first-level divisions (states,
    provinces, departments), folded, from ISO 3166 as ``pycountry`` ships it."""
    import gettext

    import pycountry

    names: set[str] = set()
    spanish = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", country.name)}:
            names.add(fold(name))
            names.add(fold(spanish.gettext(name)))
    for division in pycountry.subdivisions:
        names.add(fold(division.name))
    return frozenset(names)


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Offsets of the headline lines (the first two lines with text) written in Title
    Case or all in capitals."""
    spans: list[tuple[int, int]] = []
    position = 0
    for number, line in enumerate(text.split("\n")):
        if len(spans) > 2 or number > 4:
            break
        words = re.findall(r"[^\W\d_][\w'’-]*", line)
        long_words = [w for w in words if len(w) > 3]
        if len(words) >= 3 and long_words:
            capital = sum(w[0].isupper() for w in long_words) / len(long_words)
            upper = sum(w.isupper() for w in long_words) / len(long_words)
            ends = line.rstrip().endswith((".", "”", '"'))
            if upper > 0.6 or (capital > 0.7 and not ends):
                spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


def _mid_sentence_capitals(spans: Iterable[tuple[int, str]]) -> set[str]:
    """Folded words the article capitalizes somewhere other than a sentence start."""
    seen: set[str] = set()
    for _offset, sentence in spans:
        for index, token in enumerate(TOKEN.finditer(sentence)):
            if index and token[0][0].isupper():
                seen.add(fold(token[0]))
    return seen


def _title_end(words: list[str]) -> int:
    """How many leading words of a name are a title ("Port Director", "DEA
    Administrator": the title may follow an acronym)."""
    end = 0
    for index in range(len(words)):
        for size in (3, 2, 1):
            phrase = " ".join(words[index : index + size]).replace(".", "")
            if phrase in TITLES:
                end = index + size
                break
    return end


def kind_of(words: list[str], before: str, after: str, known_places: Collection[str]) -> str:
    """What a name of ``words`` (folded) is, given the folded text ``before`` and
    ``after`` it."""
    bag = set(words)
    name = " ".join(words)
    if bag & OTHER_HINTS or VESSEL_BEFORE.search(before):
        return "other"
    if bag & GROUP_HINTS:
        return "group"
    if words[0] in {"los", "las"} and not bag & INSTITUTION_HINTS:
        # "Los Lobos", but "in Los Angeles"
        if name in known_places or (PLACE_BEFORE.search(before) and not SAID_AFTER.match(after)):
            return "place"
        return "group"
    if bag & INSTITUTION_HINTS:
        return "institution"
    if TITLE_BEFORE.search(before) and not bag & PLACE_HINTS:
        return "person"  # "el presidente guatemalteco, Bernardo Arévalo de León"
    if name in known_places or bag & PLACE_HINTS:
        return "place"
    if PLACE_BEFORE.search(before) and not SAID_AFTER.match(after):
        return "place"
    return "person"


def unknown_names(
    text: str, matches: Iterable[Match], spans: list[tuple[int, str]] | None = None
) -> list[Unknown]:
    """Capitalized names (two words or more, or a quoted name) that no known alias
    covers, with a guess at what they are. ``spans``: the text's sentences, as
    ``sentences.sentences`` gives them."""
    if spans is None:
        spans = list(sentences(text))
    covered = bytearray(len(text))
    for match in matches:
        covered[match.start : match.end] = b"\x01" * (match.end - match.start)
    for start, end in _title_case_lines(text):
        covered[start:end] = b"\x01" * (end - start)
    folded_text = fold(text)
    capitals = _mid_sentence_capitals(spans)
    known_places = place_names()
    found: dict[str, Unknown] = {}

    def add(name: str, kind: str, start: int, end: int) -> None:
        name = " ".join(name.split())
        if any(covered[start:end]) or fold(name) in STOP_NAMES:
            return
        entry = found.setdefault(name, {"name": name, "type": kind, "mentions": []})
        entry["mentions"].append(name)

    def flush(run: list[re.Match[str]], offset: int, sentence_start: int) -> None:
        if run and run[0].start() == sentence_start and fold(run[0][0]) not in capitals:
            initials = "." in run[0][0] or (run[0][0].isupper() and len(run[0][0]) > 1)
            if fold(run[0][0]) not in TITLE_WORDS and not initials:
                run = run[1:]  # a sentence's first word carries no evidence of a name
        while run and fold(run[0][0]) in LEADING_STRIP:
            run = run[1:]
        while run and fold(run[-1][0]) in TRAILING_STRIP:
            run = run[:-1]
        words = [POSSESSIVE.sub("", fold(t[0])) for t in run]
        titled = _title_end(words)
        if titled and len(run) - titled >= 1:
            rest = run[titled:]
            while rest and fold(rest[0][0]) in CONNECTORS:
                rest = rest[1:]
            rest_words = [fold(t[0]) for t in rest]
            if rest and not set(rest_words) & (INSTITUTION_HINTS | GROUP_HINTS | PLACE_HINTS):
                if len(rest) >= 2 or words[titled - 1] == "alias":
                    s, e = rest[0].start() + offset, rest[-1].end() + offset
                    add(text[s:e], "person", s, e)
                return
        elif titled and titled == len(run):
            return  # a title alone ("Rear Adm.", "Deputy Director")
        if len([t for t in run if t[0][0].isupper()]) < 2:
            return
        if any(fold(t[0]) in STOP_NAMES for t in run):
            return
        s, e = run[0].start() + offset, run[-1].end() + offset
        e -= len(run[-1][0]) - len(POSSESSIVE.sub("", run[-1][0]))  # "Gulf Cartel's"
        before = folded_text[max(0, s - 60) : s]
        after = folded_text[e : e + 30]
        add(text[s:e], kind_of(words, before, after, known_places), s, e)

    for quoted in QUOTED.finditer(text):
        start, end = quoted.start(1), quoted.end(1)
        before = folded_text[max(0, quoted.start() - 60) : quoted.start()]
        words = fold(quoted[1]).split()
        if NICKNAME_BEFORE.search(before):
            add(quoted[1].strip(), "person", start, end)
        elif VESSEL_BEFORE.search(before) or PLACE_BEFORE.search(before):
            add(quoted[1].strip(), kind_of(words, before, "", known_places), start, end)
        else:  # a nickname ("Ismael 'El Mayo' Zambada") unless its words say otherwise
            add(quoted[1].strip(), kind_of(words, before, "", known_places), start, end)
        covered[start:end] = b"\x01" * (end - start)

    for offset, sentence in spans:
        tokens = list(TOKEN.finditer(sentence))
        first = tokens[0].start() if tokens else 0
        dateline = re.match(r"\s*([A-Z][A-Z .'-]{2,40}[A-Z])\s*(?:,|\(|—|–|-)", sentence)
        if dateline and not any(covered[offset + dateline.start(1) : offset + dateline.end(1)]):
            add(dateline[1], "place", offset + dateline.start(1), offset + dateline.end(1))
        run: list[re.Match[str]] = []
        for index, token in enumerate(tokens):
            word = token[0]
            if run and sentence[run[-1].end() : token.start()].strip():
                flush(run, offset, first)  # punctuation between words ends a name
                run = []
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            connector = (
                fold(word) in CONNECTORS
                and bool(run)
                and following is not None
                and not sentence[token.end() : following.start()].strip()
                and (
                    following[0][:1].isupper()
                    or (
                        fold(following[0]) in CONNECTORS
                        and index + 2 < len(tokens)
                        and tokens[index + 2][0][:1].isupper()
                    )
                )
            )
            if connector and fold(word) in ("and", "y"):
                # "Customs and Border Protection" is one name, "Carlos Andrade Pérez and
                # the Frente Oliver Sinisterra" two: "and" joins only inside an
                # institution's name, right before a capital.
                hinted = {fold(t[0]) for t in run} & INSTITUTION_HINTS
                connector = bool(hinted) and following is not None and following[0][:1].isupper()
            if word[0].isupper() or connector:
                run.append(token)
            else:
                flush(run, offset, first)
                run = []
        flush(run, offset, first)
    return list(found.values())
