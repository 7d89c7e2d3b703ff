"""Reads an article's plain text: which known entities it names, which names it uses that
the knowledge base does not know, and the events it reports (drug seizures, killings,
arrests, extraditions, rewards), in English or Spanish.

Events are found sentence by sentence from cue words, then filled in from what the same
sentence says: the quantity and drug, the value in dollars, the place (a known place
entity, or "the port of X"), what the drugs were hidden in, the date when stated. It is
deliberately conservative: an event is a suggestion until an editor confirms it.
"""

import re
from bisect import bisect_left
from dataclasses import asdict, dataclass, field
from datetime import date

from .folding import fold
from .quantities import money, quantities


def gettext_noop(message):
    """Marks a drug name for translation (makemessages finds it by this name) without
    making this module need Django's settings: extraction also runs bare."""
    return message


EN_WORDS = {
    "the",
    "of",
    "and",
    "to",
    "was",
    "with",
    "that",
    "from",
    "is",
    "by",
    "for",
    "his",
    "were",
    "has",
    "after",
    "which",
    "who",
    "it",
}
ES_WORDS = {
    "el",
    "la",
    "los",
    "las",
    "de",
    "del",
    "en",
    "que",
    "y",
    "con",
    "por",
    "una",
    "fue",
    "para",
    "se",
    "su",
    "al",
    "tras",
    "como",
    "sus",
}

DRUGS = [  # canonical name (translated on pages), pattern on folded text
    (gettext_noop("cocaine"), r"cocaine|cocaina|coca paste|pasta base|pasta de coca|crack"),
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

SEIZURE_CUE = re.compile(
    r"\b(?:seiz\w*|confiscat\w*|intercept\w*|impound\w*|found|discovered|haul|bust|"
    r"decomis\w*|incaut\w*|asegur\w*|hallaz\w*|hallaron|encontraron|localizaron)\b"
)
KILLING_CUE = re.compile(
    r"\b(?:killed|murdered|assassinated|assassination|shot dead|slain|homicides?|"
    r"massacre|asesinad\w*|asesinato\w*|ejecutad\w*|homicidios?|masacre|muertos|"
    r"mataron|matanza)\b"
)
ARREST_CUE = re.compile(
    r"\b(?:arrested|arrest|captured|capture|recaptured|recapture|detained|"
    r"taken into custody|apprehended|detenid\w*|detuvo|detuvieron|capturad\w*|capturo|"
    r"capturaron|captura|recaptura\w*|arrestad\w*|arresto|aprehendid\w*|aprehension)\b"
)
EXTRADITION_CUE = re.compile(r"\bextradi(?:t|c)\w*")
REWARD_CUE = re.compile(r"\b(?:reward|bounty|recompensa)\b")
COUNTED = re.compile(
    r"(?P<number>\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|"
    r"dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|decenas)\s+(?:\w+\s+){0,2}?"
    r"(?:people|persons|inmates|prisoners|victims|homicides|murders|killings|bodies|"
    r"personas|reos|presos|victimas|homicidios|asesinatos|cuerpos|muertos|"
    r"suspects|members|sospechosos|integrantes|miembros|men|hombres)\b"
)
NUMBER_WORDS = {
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

CONCEALED = re.compile(
    r"\b(?:hidden|concealed|stashed|camouflaged|disguised|packed|mixed|"
    r"ocult[oa]s?|escondid[oa]s?|camuflad[oa]s?|disimulad[oa]s?|mezclad[oa]s?)\s+"
    r"(?:in|inside|among|amid|within|under|beneath|between|behind|en|entre|dentro de|bajo)\s+"
    r"(?P<what>[^,.;:()]+?)(?=\s+(?:at|in|on|from|bound|that|which|headed|en|"
    r"que|con destino|procedente|desde|rumbo)\b|[,.;:()]|$)"
)
CARGO = re.compile(
    r"\b(?:bananas?|bananos?|platanos?|pineapples?|pinas|coffee|cafe|shrimp|camarones?|"
    r"fruit|fruta|avocados?|aguacates?|scrap metal|chatarra|tuna|atun|cocoa|cacao|"
    r"flowers|flores|tiles|azulejos|lumber|madera)\b"
)
PORT_OF = re.compile(r"\b(?:port of|puerto de|airport of|aeropuerto de)\s+(?P<name>[A-Z][\w-]+)")

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

SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”»)]*\s+(?=[\"'“«¿¡(]?[A-ZÁÉÍÓÚÑ])|\n\s*\n")

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


def detect_language(text):
    """ "es" or "en", from common function words; Spanish letters break a tie."""
    words = re.findall(r"[a-z]+", fold(text))
    en = sum(w in EN_WORDS for w in words)
    es = sum(w in ES_WORDS for w in words)
    if es == en:
        return "es" if re.search(r"[ñáéíóú¿¡]", text.lower()) else "en"
    return "es" if es > en else "en"


def sentences(text):
    """``(start, sentence)`` pairs; offsets are into ``text``."""
    position = 0
    for boundary in SENTENCE_END.finditer(text):
        chunk = text[position : boundary.start()]
        if chunk.strip():
            yield position, chunk
        position = boundary.end()
    if text[position:].strip():
        yield position, text[position:]


@dataclass
class FoundEvent:
    kind: str
    sentence: str
    start: int
    drug: str = ""
    kg: float | None = None
    quantity_text: str = ""
    qualifier: str = ""
    value_usd: float | None = None
    count: int | None = None
    concealment: str = ""
    place_text: str = ""
    place_id: int | None = None
    country_id: int | None = None
    occurred_on: date | None = None
    entity_ids: list = field(default_factory=list)


@dataclass
class Extraction:
    language: str
    matches: list
    unknown: list
    events: list
    money: list
    entities: dict  # id -> EntityInfo of every matched entity

    def as_json(self):
        """The ``cronica extract`` contract."""
        by_entity = {}
        for match in self.matches:
            if match.entity_id not in self.entities:
                continue
            by_entity.setdefault(match.entity_id, []).append(match.surface)
        known = [
            {
                "name": self.entities[eid].name,
                "type": self.entities[eid].kind,
                "known": True,
                "mentions": surfaces,
            }
            for eid, surfaces in by_entity.items()
        ]
        places = []
        for eid in by_entity:
            if self.entities[eid].kind == "place":
                places.append(self.entities[eid].name)
        for event in self.events:
            if event.place_text and event.place_text not in places:
                places.append(event.place_text)
        seizures = []
        for event in self.events:
            if event.kind != "seizure":
                continue
            place = (
                self.entities[event.place_id].name if event.place_id else event.place_text or None
            )
            seizures.append(
                {
                    "drug": event.drug,
                    "kg": event.kg,
                    "quantity_text": event.quantity_text,
                    "qualifier": event.qualifier or None,
                    "place": place,
                    "concealment": event.concealment or None,
                    "value_usd": event.value_usd,
                    "date": event.occurred_on.isoformat() if event.occurred_on else None,
                }
            )
        others = [
            {
                "type": e.kind,
                "sentence": e.sentence.strip(),
                "count": e.count,
                "value_usd": e.value_usd,
                "entities": [self.entities[i].name for i in e.entity_ids],
            }
            for e in self.events
            if e.kind != "seizure"
        ]
        return {
            "language": self.language,
            "entities": known + [dict(item, known=False) for item in self.unknown],
            "seizures": seizures,
            "events": others,
            "money": [{"text": m.text, "usd": m.usd} for m in self.money],
            "places": places,
        }


def _date(folded_sentence):
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


def _count(folded_sentence):
    match = COUNTED.search(folded_sentence)
    if not match:
        return None
    word = match["number"]
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    digits = re.sub(r"[.,]", "", word)
    return int(digits) if digits.isdigit() else None


def _nearest_drug(folded, position):
    best = None
    for match in DRUG_RE.finditer(folded):
        distance = (
            match.start() - position if match.start() >= position else (position - match.end()) * 2
        )  # a drug named after the quantity is likelier
        if best is None or distance < best[0]:
            best = (distance, match.lastgroup)
    return best[1] if best else ""


def _place(sentence, folded, start, matches, entities):
    """The most specific known place in the sentence, else "the port of X"."""
    ranked = []
    for match in matches:
        info = entities.get(match.entity_id)
        if info and info.kind == "place":
            before = folded[max(0, match.start - start - 12) : match.start - start]
            origin = bool(
                re.search(
                    r"\b(?:from|left|de|desde|procedente de)\s+(?:the\s+)?"
                    r"(?:\w+\s+)?(?:port of\s+)?$",
                    before,
                )
            )
            rank = {"site": 0, "city": 1, "region": 2, "country": 3}.get(info.level, 2)
            ranked.append((origin, rank, match.start, info))
    if ranked:
        ranked.sort(key=lambda r: r[:3])
        return ranked[0][3], ""
    port = PORT_OF.search(sentence)
    return None, port["name"] if port else ""


def _concealment(sentence, folded):
    hidden = CONCEALED.search(folded)
    if hidden:
        return sentence[hidden.start("what") : hidden.end("what")].strip()[:200]
    cargo = CARGO.search(folded)
    return sentence[cargo.start() : cargo.end()] if cargo else ""


def _events_in(sentence, start, inside, entities):
    """Events told in ``sentence`` (at offset ``start``); ``inside`` are the gazetteer
    matches within it."""
    folded = fold(sentence)
    involved = [
        m.entity_id
        for m in inside
        if entities.get(m.entity_id) and entities[m.entity_id].kind != "place"
    ]
    involved = list(dict.fromkeys(involved))
    sums = money(sentence)
    when = _date(folded)
    place, place_text = _place(sentence, folded, start, inside, entities)
    common = dict(
        sentence=sentence,
        start=start,
        occurred_on=when,
        entity_ids=involved,
        place_id=place.id if place else None,
        place_text=place_text,
        country_id=(place.country_id if place else None),
    )
    found = []
    weights = quantities(sentence)
    drug_in_sentence = DRUG_RE.search(folded)
    if weights and drug_in_sentence and SEIZURE_CUE.search(folded):
        weight = weights[0]
        found.append(
            FoundEvent(
                kind="seizure",
                drug=_nearest_drug(folded, weight.end),
                kg=weight.kg,
                quantity_text=weight.text,
                qualifier=weight.qualifier,
                value_usd=sums[0].usd if sums else None,
                concealment=_concealment(sentence, folded),
                **common,
            )
        )
    if REWARD_CUE.search(folded) and sums:
        found.append(FoundEvent(kind="reward", value_usd=sums[0].usd, **common))
    if EXTRADITION_CUE.search(folded) and involved:
        found.append(FoundEvent(kind="extradition", **common))
    elif ARREST_CUE.search(folded) and (involved or _count(folded)):
        found.append(FoundEvent(kind="arrest", count=_count(folded), **common))
    if KILLING_CUE.search(folded) and (involved or _count(folded)):
        found.append(FoundEvent(kind="killing", count=_count(folded), **common))
    return found


def unknown_names(text, matches):
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
    for offset, sentence in sentences(text):
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


PLACE_DETAIL = {"site": 3, "city": 2, "region": 1, "country": 0}


def _detail(event, entities):
    """How much a report says: filled fields first, then how precise its place is."""
    filled = sum(
        bool(getattr(event, name))
        for name in ("place_id", "place_text", "concealment", "value_usd", "occurred_on")
    )
    place = entities.get(event.place_id)
    return (filled, PLACE_DETAIL.get(place.level, 0) if place else -1)


def _merge_seizures(events, entities):
    """One seizure per drug and quantity: a headline and the paragraph under it report
    the same haul. The most detailed report is kept and completed by the others."""
    kept, by_key = [], {}
    for event in events:
        if event.kind != "seizure":
            kept.append(event)
            continue
        key = (event.drug, event.kg)
        if key not in by_key:
            by_key[key] = event
            kept.append(event)
            continue
        first = by_key[key]
        better = _detail(event, entities) > _detail(first, entities)
        best, other = (event, first) if better else (first, event)
        for name in (
            "place_id",
            "country_id",
            "place_text",
            "concealment",
            "value_usd",
            "occurred_on",
            "qualifier",
        ):
            if not getattr(best, name):
                setattr(best, name, getattr(other, name))
        best.entity_ids = list(dict.fromkeys(best.entity_ids + other.entity_ids))
        kept[kept.index(first)] = best
        by_key[key] = best
    return kept


def extract(text, gazetteer, language=None):
    """Everything ``text`` says that the knowledge base can hold."""
    language = language or detect_language(text)
    matches = gazetteer.find(text, language=language)
    entities = gazetteer.entities
    events = []
    # Matches in text order, so each sentence takes its own by bisection (a scan of all
    # matches per sentence made long texts quadratic).
    ordered = sorted(matches, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    for start, sentence in sentences(text):
        low = bisect_left(starts, start)
        high = bisect_left(starts, start + len(sentence))
        events.extend(_events_in(sentence, start, ordered[low:high], entities))
    return Extraction(
        language=language,
        matches=matches,
        unknown=unknown_names(text, matches),
        events=_merge_seizures(events, entities),
        money=money(text),
        entities={m.entity_id: entities[m.entity_id] for m in matches if m.entity_id in entities},
    )


def event_fields(event):
    """A found event as model field values (for ``models.Event``)."""
    values = asdict(event)
    values.pop("start")
    values.pop("entity_ids")
    return values
