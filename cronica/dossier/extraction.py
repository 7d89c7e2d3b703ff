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
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from . import naming, resolution
from . import seizures as seizure_reader
from .dates import first_date
from .drugs import DRUGS  # noqa: F401  (the ledger reads the list from here)
from .folding import fold
from .gazetteer import EntityInfo, Gazetteer, Match
from .naming import Unknown
from .quantities import SMALL_NUMBER, SMALL_NUMBERS, money
from .sentences import sentences

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
    rf"(?P<number>\d[\d.,]*|{SMALL_NUMBER}|dozens|decenas)\s+(?:\w+\s+){{0,2}}?"
    r"(?:people|persons|inmates|prisoners|victims|homicides|murders|killings|bodies|"
    r"personas|reos|presos|victimas|homicidios|asesinatos|cuerpos|muertos|"
    r"suspects|members|sospechosos|integrantes|miembros|men|hombres)\b"
)

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


def detect_language(text: str) -> str:
    """ "es" or "en", from common function words; Spanish letters break a tie."""
    words = re.findall(r"[a-z]+", fold(text))
    en = sum(w in EN_WORDS for w in words)
    es = sum(w in ES_WORDS for w in words)
    if es == en:
        return "es" if re.search(r"[ñáéíóú¿¡]", text.lower()) else "en"
    return "es" if es > en else "en"


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
    # Seizures: "report" (one seizure, for the ledger), "restatement" (the same seizure
    # again) or "aggregate" (a total); ``parts`` are the events it restates or sums.
    role: str = "report"
    parts: list = field(default_factory=list, repr=False)
    item_count: int | None = None  # pills, packages, bricks or doses
    item_unit: str = ""


@dataclass
class Extraction:
    language: str
    matches: list
    unknown: list
    events: list
    money: list
    entities: dict  # id -> EntityInfo of every matched entity

    def as_json(self) -> dict[str, object]:
        """The ``cronica extract`` contract."""
        by_entity: dict[int, list[str]] = {}
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
        seizures = [e for e in self.events if e.kind == "seizure"]
        index = {id(e): i for i, e in enumerate(seizures)}
        seizure_rows = []
        for event in seizures:
            place = (
                self.entities[event.place_id].name if event.place_id else event.place_text or None
            )
            seizure_rows.append(
                {
                    "drug": event.drug,
                    "kg": event.kg,
                    "count": event.item_count,
                    "unit": event.item_unit or None,
                    "quantity_text": event.quantity_text,
                    "qualifier": event.qualifier or None,
                    "place": place,
                    "concealment": event.concealment or None,
                    "value_usd": event.value_usd,
                    "date": event.occurred_on.isoformat() if event.occurred_on else None,
                    "role": event.role,
                    "parts": [index[id(p)] for p in event.parts if id(p) in index],
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
            "seizures": seizure_rows,
            "events": others,
            "money": [{"text": m.text, "usd": m.usd} for m in self.money],
            "places": places,
        }


def _count(folded_sentence: str) -> int | None:
    match = COUNTED.search(folded_sentence)
    if not match:
        return None
    word = match["number"]
    if word in SMALL_NUMBERS:
        return SMALL_NUMBERS[word]
    digits = re.sub(r"[.,]", "", word)
    return int(digits) if digits.isdigit() else None


def _place(
    sentence: str, folded: str, start: int, matches: list[Match], entities: dict[int, EntityInfo]
) -> tuple[EntityInfo | None, str]:
    """The most specific known place in the sentence, else "the port of X"."""
    ranked: list[tuple[bool, int, int, EntityInfo]] = []
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


def _concealment(sentence: str, folded: str) -> str:
    hidden = CONCEALED.search(folded)
    if hidden:
        return sentence[hidden.start("what") : hidden.end("what")].strip()[:200]
    cargo = CARGO.search(folded)
    return sentence[cargo.start() : cargo.end()] if cargo else ""


def _events_in(
    sentence: str, start: int, inside: list[Match], entities: dict[int, EntityInfo]
) -> list[FoundEvent]:
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
    when = first_date(folded)
    place, place_text = _place(sentence, folded, start, inside, entities)
    event = partial(
        FoundEvent,
        sentence=sentence,
        start=start,
        occurred_on=when,
        entity_ids=involved,
        place_id=place.id if place else None,
        place_text=place_text,
        country_id=(place.country_id if place else None),
    )
    found = []
    if REWARD_CUE.search(folded) and sums:
        found.append(event(kind="reward", value_usd=sums[0].usd))
    if EXTRADITION_CUE.search(folded) and involved:
        found.append(event(kind="extradition"))
    elif ARREST_CUE.search(folded) and (involved or _count(folded)):
        found.append(event(kind="arrest", count=_count(folded)))
    if KILLING_CUE.search(folded) and (involved or _count(folded)):
        found.append(event(kind="killing", count=_count(folded)))
    return found


PLACE_DETAIL = {"site": 3, "city": 2, "region": 1, "country": 0}


def _detail(event: FoundEvent, entities: dict[int, EntityInfo]) -> tuple[int, int]:
    """How much a report says: filled fields first, then how precise its place is."""
    filled = sum(
        bool(getattr(event, name))
        for name in ("place_id", "place_text", "concealment", "value_usd", "occurred_on")
    )
    place = entities.get(event.place_id) if event.place_id is not None else None
    return (filled, PLACE_DETAIL.get(place.level, 0) if place else -1)


FILLED_FROM_RESTATEMENTS = (
    "place_id",
    "country_id",
    "place_text",
    "concealment",
    "value_usd",
    "occurred_on",
)


def _seizure_events(
    text: str,
    spans: list[tuple[int, str]],
    language: str,
    inside: list[list[Match]],
    entities: dict[int, EntityInfo],
) -> list[FoundEvent]:
    """The article's seizures as events: reports, and the restatements and aggregates
    linked to what they restate or sum (``parts``)."""
    items = seizure_reader.read(text, spans, language)
    events: dict[int, FoundEvent] = {}
    for item in items:
        start, sentence = spans[item.sentence]
        folded = fold(sentence)
        place, place_text = _place(sentence, folded, start, inside[item.sentence], entities)
        sums = money(sentence)
        events[id(item)] = FoundEvent(
            kind="seizure",
            sentence=sentence,
            start=start,
            drug=item.drug,
            kg=round(item.value, 3) if item.kind == "weight" else None,
            quantity_text=item.text,
            qualifier=item.qualifier,
            value_usd=sums[0].usd if sums else None,
            concealment=_concealment(sentence, folded),
            place_id=place.id if place else None,
            place_text=place_text,
            country_id=place.country_id if place else None,
            occurred_on=first_date(folded),
            entity_ids=list(
                dict.fromkeys(
                    m.entity_id
                    for m in inside[item.sentence]
                    if entities.get(m.entity_id) and entities[m.entity_id].kind != "place"
                )
            ),
            role=item.role,
            item_count=(int(item.value) if item.kind == "count" else item.count),
            item_unit=(item.unit if item.kind == "count" else item.count_unit),
        )
    for item in items:
        event = events[id(item)]
        event.parts = [events[id(part)] for part in item.parts if id(part) in events]
        if event.role == "restatement" and event.parts:
            # What the restatement adds (a place, a value) completes the seizure it restates.
            target = event.parts[0]
            for name in FILLED_FROM_RESTATEMENTS:
                if not getattr(target, name) and getattr(event, name):
                    setattr(target, name, getattr(event, name))
            here = entities.get(event.place_id) if event.place_id is not None else None
            there = entities.get(target.place_id) if target.place_id is not None else None
            if (
                here
                and there
                and PLACE_DETAIL.get(here.level, 0) > PLACE_DETAIL.get(there.level, 0)
            ):
                # "Spain seizes 9.5 tons" in the headline, "at the port of Algeciras" below
                target.place_id, target.country_id = event.place_id, event.country_id
    return [events[id(item)] for item in items]


def extract(text: str, gazetteer: Gazetteer, language: str | None = None) -> Extraction:
    """Everything ``text`` says that the knowledge base can hold."""
    language = language or detect_language(text)
    entities = gazetteer.entities
    matches, groups = resolution.resolve(text, gazetteer.find(text, language=language), gazetteer)
    events: list[FoundEvent] = []
    # Matches in text order, so each sentence takes its own by bisection (a scan of all
    # matches per sentence made long texts quadratic).
    ordered = sorted(matches, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    spans = list(sentences(text))
    inside: list[list[Match]] = []
    for start, sentence in spans:
        low = bisect_left(starts, start)
        high = bisect_left(starts, start + len(sentence))
        inside.append(ordered[low:high])
        events.extend(_events_in(sentence, start, inside[-1], entities))
    seizures = _seizure_events(text, spans, language, inside, entities)
    return Extraction(
        language=language,
        matches=matches,
        unknown=_merge_unknown(groups, naming.unknown_names(text, matches, spans)),
        events=seizures + events,
        money=money(text),
        entities={m.entity_id: entities[m.entity_id] for m in matches if m.entity_id in entities},
    )


def _merge_unknown(groups: list[Unknown], names: list[Unknown]) -> list[Unknown]:
    """Unknown group forms first; a typed name inside one is the same group."""
    merged = {g["name"]: g for g in groups}
    for item in names:
        inside = next((g for g in groups if item["name"] in g["name"]), None)
        if inside is None:
            merged.setdefault(item["name"], item)
    return list(merged.values())


EVENT_FIELDS = (
    "kind",
    "sentence",
    "drug",
    "kg",
    "quantity_text",
    "qualifier",
    "value_usd",
    "count",
    "concealment",
    "place_text",
    "place_id",
    "country_id",
    "occurred_on",
    "role",
    "item_count",
    "item_unit",
)


def event_fields(event: FoundEvent) -> dict[str, object]:
    """A found event as model field values (for ``models.Event``)."""
    return {name: getattr(event, name) for name in EVENT_FIELDS}
