"""Every drug seizure an article reports, once.

A seizure is a weight (or a count of pills, packages, bricks or doses) of a drug that the
text says was seized. The whole article is read, not sentence by sentence, because news
splits one seizure across sentences and repeats it:

- **lists**: every item of "300 kilograms of fentanyl pills, 9.2 kilograms of fentanyl
  powder, ..." is its own seizure; "23 kilos y 211 mil pastillas de fentanilo" are two;
- **the drug**: named right after the quantity ("kilos de cocaína", "of alleged
  methamphetamine"), just before it ("methamphetamine weighing 1,202 pounds"), or earlier
  in the article when the text refers back to it ("la droga", "El cargamento pesa 410
  kg"). "Drugs", "narcotics" or "droga" right after the quantity, or several drugs for
  one quantity ("1,350 kg of cocaine and marijuana"), make a generic, mixed load (drug
  ""), never attributed to one drug;
- **restatements**: a headline or a later sentence giving the same seizure again, exactly
  or rounded ("7 tons" for 14,000 pounds, "1,7 toneladas" for "mil 696,8 kilos", "más de
  100 mil pastillas" for 104 mil), and a count of the packages a weighed seizure came
  in, are linked to the seizure they restate and never enter the ledger themselves;
- **aggregates**: running totals and statistics ("so far this year", "en lo que va del
  año", "in 2021", "acumula", "on a typical day"), a quantity that is the sum of seizures
  the article itemizes (an offload made of several interdictions), a total over "two
  separate incidents", and a generic total next to itemized drugs, are linked to the
  seizures they sum (when the article gives them) and kept out of the ledger.

Quantities of something else ("275 kilos de materiales"), a quantity per package ("de un
kilo cada uno") and drugs destroyed rather than seized are not seizures.
"""

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field

from .dates import MONTHS
from .drugs import DRUG_RE
from .folding import fold
from .quantities import SEVERAL_NUMBER, counts, quantities

SEIZURE_CUE = re.compile(
    r"\b(?:seiz\w*|confiscat\w*|intercept\w*|impound\w*|found|discover\w*|reveal\w*|"
    r"extract\w*|recover\w*|offload\w*|off-load\w*|unload\w*|interdict\w*|haul\w*|bust\w*|"
    r"yield\w*|netted|decomis\w*|incaut\w*|asegur\w*|hallaz\w*|hall[oa]\w*|encontr\w*|"
    r"localiz\w*|ubic\w*|detect\w*|requis\w*|descubr\w*|intercept\w*|transportab\w*|"
    r"contenia\w*|aprehen\w*|carg(?:a|amento)\w*|alijo|"
    # arrested with the drugs: "detuvieron a una persona ... con tres mil pastillas"
    r"arrest\w*|detained|detuv\w*|detenid\w*|captur\w*)\b"
)
DESTROYED = re.compile(r"\b(?:destroy\w*|destru\w*|incinera\w*|burn(?:ed|t)|quem\w*)\b")
AGGREGATE = re.compile(
    r"\b(?:so far (?:this|in)|this year|last year|since the (?:start|beginning)|"
    r"year to date|in total|per year|a year|each year|annually|on a typical day|per day|"
    r"a day|during the period|over the (?:past|last) (?:year|\w+ (?:years|months))|"
    r"fiscal year|en lo que va|este ano|el ano pasado|en todo (?:el )?(?:ano )?\d{4}|"
    r"desde que empezo|desde (?:el )?inicio|desde inicios|hasta la fecha|acumula\w*|"
    r"al ano|anuales|por ano|cada ano|se suma a|asciende a|cifra historica|"
    r"promedio|en total|se han (?:decomisado|incautado|asegurado|destruido))\b"
    # A year as a period ("in 2021", "en 2024"), not the year of a full date.
    r"|\b(?:in|during|en|durante|del?)\s+(?:el\s+)?(?:ano\s+)?(?:19|20)\d\d\b"
)
MONTH_BEFORE = re.compile(rf"\b(?:{'|'.join(MONTHS)})\.?(?:\s+\d{{1,2}})?,?\s*(?:de\s+)?$")
SEVERAL = re.compile(
    rf"\b(?:in|from|en)\s+(?:\w+\s+){{0,2}}?(?:\d+|{SEVERAL_NUMBER}|several|varios|multiple)\s+"
    r"(?:separate|different|distintos|diferentes|distintas)?[\s,]*(?:[\w,-]+\s+){0,4}?"
    r"(?:interdictions|cases|seizures|incidents|operations|operativos|decomisos|"
    r"incautaciones|casos)\b"
)
PRICE_BEFORE = re.compile(
    r"(?:euros?|dollars?|dolares|pesos|\$\s?[\d,.]+(?:\s+\w+)?)\s+(?:a|per|por|el)?\s*$"
)
OFFLOAD = re.compile(r"\b(?:offload\w*|off-load\w*|unload\w*|descarg\w*|desembarc\w*)\b")
EACH = re.compile(r"^\s*(?:\)\s*)?(?:each|apiece|cada|por paquete|per package|por unidad)\b")
PART_OF = re.compile(
    r"(?:entre lo (?:decomisado|incautado|asegurado)|dentro de (?:la droga|lo) \w+|"
    r"of which|de (?:los|las) cual(?:es)?|including|incluid[oa]s|incluyendo)"
    r"(?:\s+(?:habia|hay|were|was|are|se encontraron|figuran))?\s*$"
)
INCLUDING = re.compile(r"\b(?:including|included|incluid[oa]s?|incluyendo|entre ell[oa]s)\s*$")

# What may stand between a quantity and its drug: "de un polvo blanco con
# características de", "of alleged", "de clorhidrato de".
OF_SOMETHING = re.compile(r"\s+(?:of|de|del)\s+(?:(?:la|el|los|las|the|un|una|a|an)\s+)?(\w+)")
NOT_A_DRUG_NOUN = {
    "alleged",
    "suspected",
    "presunta",
    "presunto",
    "aparente",
    "posible",
    "probable",
    "possible",
    "pure",
    "alta",
    "high",
    "clorhidrato",
    "polvo",
    "pasta",
    "powder",
    "base",
    "sustancia",
    "sustancias",
    "droga",
    "drogas",
    "drug",
    "drugs",
    "narcotics",
    "narcotic",
    "narcoticos",
    "estupefaciente",
    "estupefacientes",
    "alcaloide",
    "alcaloides",
    "alucinogenos",
    "enervante",
    "cargamento",
    "pastillas",
    "pills",
    "tabletas",
    "pildoras",
    "esa",
    "esta",
    "dicha",
    "that",
    "this",
    "such",
    "what",
    "illegal",
    "illicit",
    "ilicita",
    "ilicitas",
    "mixed",
    "various",
    "diversas",
    "product",
    "producto",
    "presumed",
    "white",
    "blanco",
    "bultos",
    "paquetes",
    "packages",
    "bricks",
    "ladrillos",
    "said",
    "dicho",
}
GENERIC = re.compile(
    r"\b(?:drugs?|narcotics?|narcoticos?|droga|drogas|estupefacientes?|alcaloides?|"
    r"alucinogenos|sustancias?(?: ilicitas?)?|contraband|enervantes?)\b"
)
REFERS_BACK = re.compile(
    r"\b(?:the|that|this|esa|esta|dicha|la|el|del|de la|the said)\s+(?:\w+\s+)?"
    r"(?:drugs?|narcotics?|droga|estupefaciente|enervante|sustancia|alcaloide|cargamento|"
    r"polvo|product|producto)\b|\bya mencionada\b|\bmencionad[oa]\b"
)
WEIGHING_BEFORE = re.compile(
    r"(?:weighing|weighed|weighs|with a (?:total )?weight of|for a total (?:weight )?of|"
    r"con un peso(?: \w+)* de|que arrojaron un peso de|arrojaron un peso de|con peso de|"
    r"pesa|pesaba|pesaban|pesan|peso de|totaling|totalling|containing|que contenian)\s*$"
)
AND_NEXT = re.compile(r"^\s*(?:,\s*)?(?:y|and|e|plus|mas)\s+$")
CLAUSE_STOP = re.compile(r"[;:.!?]|,(?!\d)|\n")
POUNDS = re.compile(r"\b(?:pounds?|lbs?)\b")


@dataclass
class Item:
    """One quantity or count that may be a seizure, where it is, and what it became."""

    kind: str  # "weight" or "count"
    value: float
    unit: str  # count unit, or "" for weights
    text: str
    qualifier: str
    start: int  # offset in the article
    end: int
    sentence: int  # index of its sentence
    precision: float  # the value of its last significant digit
    drug: str = ""
    role: str = "report"  # "report", "restatement" or "aggregate"
    parts: "list[Item]" = field(default_factory=list)  # the items it restates or sums
    count: int | None = None  # packages or pills of a weighed seizure
    count_unit: str = ""


def _precision(written: str, value: float) -> float:
    """What the last significant digit of a written number is worth, in ``value``'s unit:
    "1,7 toneladas" -> 100 kg, "14,000 pounds" -> 1,000 lb, "dos toneladas" -> 1 t."""
    number = written.split("(")[0]
    digits = "".join(re.findall(r"\d", number))
    if not digits or not int(digits):
        return abs(value) or 1.0  # a number in words: one significant figure
    decimals = re.search(r"\d[.,](\d{1,2})(?!\d)", number)
    if not decimals:
        digits = digits.rstrip("0") or "1"  # "14,000": its zeros are not significant
    return abs(value) / int(digits)


def _drugs(folded: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.lastgroup or "") for m in DRUG_RE.finditer(folded)]


def _clause_end(folded: str, start: int, limit: int) -> int:
    stop = CLAUSE_STOP.search(folded, start, limit)
    return stop.start() if stop else limit


def _clause_start(folded: str, end: int) -> int:
    before = folded[:end]
    cut = max(before.rfind(c) for c in ";:.!?\n")
    comma = before.rfind(",")
    if comma > cut and not (comma + 1 < len(before) and before[comma + 1].isdigit()):
        cut = comma
    return cut + 1


class Reader:
    """Reads one article: ``Reader(text, sentence_spans).seizures()``."""

    def __init__(self, text: str, spans: list[tuple[int, str]], language: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.spans = spans  # [(start, sentence)]
        self.short_tons = language == "en" and bool(POUNDS.search(self.folded))
        self.drugs = _drugs(self.folded)
        self.drug_starts = [d[0] for d in self.drugs]
        # Per sentence, not per quantity: a sentence listing thousands of quantities would
        # otherwise be folded and scanned once for each of them (quadratic time).
        self._folded_sentences: dict[int, str] = {}
        self._cued_sentences: dict[int, bool] = {}
        self._aggregate_sentences: dict[int, bool] = {}

    def _folded_sentence(self, index: int) -> str:
        if index not in self._folded_sentences:
            self._folded_sentences[index] = fold(self.spans[index][1])
        return self._folded_sentences[index]

    def _drugs_between(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Drug names starting in ``[start, end)``, by bisection (a scan per quantity
        made long texts quadratic)."""
        low = bisect_left(self.drug_starts, start)
        high = bisect_left(self.drug_starts, end)
        return self.drugs[low:high]

    def _items(self) -> list[Item]:
        items = []
        for index, (start, sentence) in enumerate(self.spans):
            for quantity in quantities(sentence, self.short_tons):
                if quantity.kg is None:
                    continue
                items.append(
                    Item(
                        "weight",
                        quantity.kg,
                        "",
                        quantity.text,
                        quantity.qualifier,
                        start + quantity.start,
                        start + quantity.end,
                        index,
                        _precision(quantity.text, quantity.kg),
                    )
                )
            for count in counts(sentence):
                items.append(
                    Item(
                        "count",
                        count.number,
                        count.unit,
                        count.text,
                        count.qualifier,
                        start + count.start,
                        start + count.end,
                        index,
                        _precision(count.text, count.number),
                    )
                )
        items.sort(key=lambda item: item.start)
        return items

    def _sentence_end(self, item: Item) -> int:
        start, sentence = self.spans[item.sentence]
        return start + len(sentence)

    def _drug_after(self, item: Item, following: Item | None) -> tuple[str | None, str]:
        """``(drug, how)``: the drug named after the quantity, "" for a generic or
        mixed load, None when nothing is said after it."""
        limit = min(self._sentence_end(item), item.end + 110)
        if following is not None:
            limit = min(limit, following.start)
        end = _clause_end(self.folded, item.end, limit)
        window = self.folded[item.end : end]
        of = OF_SOMETHING.match(window)
        if of and of[1] not in NOT_A_DRUG_NOUN and not DRUG_RE.match(window, of.start(1)):
            return None, "other"  # "275 kilos de materiales"
        found = self._drugs_between(item.end, end)
        if found:
            first = found[0]
            between = self.folded[item.end : first[0]]
            if REFERS_BACK.search(between):
                return None, "back"
            if GENERIC.search(between) and not re.search(
                r"(?:with|con) (?:las )?caracteristicas|containing|que contenian|"
                r"laced with|mezclad",
                between,
            ):
                return "", "generic"
            after_first = self.folded[first[1] : end]
            others = {d[2] for d in found}
            joined = re.match(r"^\s*(?:\w+\s+)?(?:,|and|y|or|o|&)\s", after_first)
            if len(others) > 1 and joined:
                return "", "mixed"
            return first[2], "after"
        if REFERS_BACK.search(window):
            return None, "back"
        if GENERIC.search(window[:40]):
            return "", "generic"
        return None, "none"

    def _drug_before(self, item: Item) -> str | None:
        start = max(_clause_start(self.folded, item.start), item.start - 90)
        found = [d for d in self._drugs_between(start, item.start) if d[1] <= item.start]
        generic = list(GENERIC.finditer(self.folded, start, item.start))
        if (
            generic
            and (not found or generic[-1].start() > found[-1][1])
            and not REFERS_BACK.search(self.folded, start, item.start)
        ):
            return ""  # "el total de droga incautada asciende a 37.2 toneladas"
        if not found:
            return None
        between = self.folded[found[-1][1] : item.start]
        if WEIGHING_BEFORE.search(between) or len(between.split()) <= 6:
            return found[-1][2]
        return None

    def _drug_earlier(self, item: Item) -> str | None:
        found = [d for d in self._drugs_between(0, item.start)[-2:] if d[1] <= item.start]
        return found[-1][2] if found else None

    def _cued(self, item: Item) -> bool:
        if item.sentence not in self._cued_sentences:
            first = max(0, item.sentence - 3)
            self._cued_sentences[item.sentence] = any(
                SEIZURE_CUE.search(self._folded_sentence(i))
                for i in (0, *range(first, item.sentence + 1))
            )
        return self._cued_sentences[item.sentence]

    def _is_aggregate(self, item: Item) -> bool:
        if item.sentence not in self._aggregate_sentences:
            self._aggregate_sentences[item.sentence] = self._sentence_is_aggregate(
                self._folded_sentence(item.sentence)
            )
        return self._aggregate_sentences[item.sentence]

    @staticmethod
    def _sentence_is_aggregate(folded: str) -> bool:
        for match in AGGREGATE.finditer(folded):
            if re.search(r"\d{4}$", match[0]) and MONTH_BEFORE.search(folded, 0, match.start()):
                continue  # "21 de octubre de 2025" dates a seizure; "en 2024" is a period
            return True
        # "a total of 218 pounds in two separate incidents" (an offload is one event)
        return bool(SEVERAL.search(folded)) and not OFFLOAD.search(folded)

    def seizures(self) -> list[Item]:
        items = self._items()
        kept = []
        for position, item in enumerate(items):
            following = items[position + 1] if position + 1 < len(items) else None
            if EACH.match(self.folded[item.end : item.end + 30]):
                continue  # "de un kilo cada uno" weighs a package, not the seizure
            if PRICE_BEFORE.search(self.folded, max(0, item.start - 30), item.start):
                continue  # "tens of thousands of euros a kilo" is a price
            start, sentence = self.spans[item.sentence]
            folded = self._folded_sentence(item.sentence)
            aggregate = self._is_aggregate(item)
            if not aggregate and not self._cued(item):
                continue
            drug, how = self._drug_after(item, following)
            if how == "other":
                continue
            if how == "none" and following is not None and item.kind == "weight":
                gap = self.folded[item.end : following.start]
                if AND_NEXT.match(gap):  # "23 kilos y 211 mil pastillas de fentanilo"
                    drug, how = self._drug_after(
                        following, items[position + 2] if position + 2 < len(items) else None
                    )
            if drug is None:
                drug = self._drug_before(item)
            if drug is None and item.kind == "weight":
                drug = self._drug_earlier(item)
            if drug is None:
                if item.kind == "weight":
                    continue
                drug = ""
            item.drug = drug
            if DESTROYED.search(folded) and not SEIZURE_CUE.search(folded) and not aggregate:
                continue
            if aggregate:
                item.role = "aggregate"
            elif PART_OF.search(self.folded, max(0, item.start - 60), item.start):
                item.role = "part"  # "había entre lo decomisado 573 kilos de pasta base"
            kept.append(item)
        for block in _blocks(kept):
            self._restatements(block)
            self._sums(block)
            self._parts(block)
            self._attach_counts(block)
        return kept

    def _parts(self, items: list[Item]) -> None:
        """A part of a seizure ("of which 573 kilos ...") restates the larger one."""
        for item in items:
            if item.role != "part":
                continue
            larger = [
                o
                for o in items
                if o.role == "report"
                and o.kind == item.kind
                and o.value > item.value
                and o.drug == item.drug
            ]
            if not larger:  # "11.5 kilos de fentanilo, incluidas tres millones de pastillas"
                larger = [
                    o
                    for o in items
                    if o.role == "report" and o.sentence == item.sentence and o.start < item.start
                ][-1:]
            item.role = "restatement"
            item.parts = larger[:1]
            if larger and not item.drug:
                item.drug = larger[0].drug

    def _attach_counts(self, items: list[Item]) -> None:
        """Counts that describe a weighed seizure ("300 packages ... weighing 1,635
        pounds", "30 ladrillos" of the 1,500 kilos, "2,6 millones de dosis") are its
        details: a restatement, never a second seizure. A count joined to a weight by
        "and" ("23 kilos y 211 mil pastillas de fentanilo") is a seizure of its own."""
        weights = [i for i in items if i.kind == "weight" and i.role == "report"]
        for item in items:
            if item.kind != "count" or item.role != "report":
                continue
            if item.unit == "pills" and not item.drug:
                # "three million pills" restates "400 kilograms of fentanyl pills" only.
                same = [
                    w
                    for w in weights
                    if re.search(
                        r"pills|pastillas|pildoras|tabletas", self.folded[w.end : w.end + 40]
                    )
                    or (
                        w.sentence == item.sentence
                        and INCLUDING.search(self.folded[w.end : item.start])
                    )
                ]
            else:
                same = [w for w in weights if w.drug == item.drug or not item.drug]
                if not same and item.unit in ("packages", "bricks"):
                    # "dos paquetes con las pastillas": the packages of a counted seizure
                    same = [
                        c
                        for c in items
                        if c.kind == "count"
                        and c.role == "report"
                        and c is not item
                        and c.unit not in ("packages", "bricks")
                    ]
            if not same:
                continue
            in_sentence = [w for w in same if w.sentence == item.sentence]
            if in_sentence:
                nearest = min(in_sentence, key=lambda w: abs(w.start - item.start))
                gap = self.folded[min(item.end, nearest.end) : max(item.start, nearest.start)]
                if re.search(r"\b(?:y|and)\s+$", gap) and not INCLUDING.search(gap):
                    continue
                target = nearest
            elif (
                item.unit == "pills"
                and item.drug
                and not any(
                    re.search(r"pills|pastillas|pildoras", self.folded[w.end : w.end + 40])
                    for w in same
                )
            ):
                continue  # pills of a drug also seized by weight elsewhere: two seizures
            else:
                before = [w for w in same if w.start < item.start]
                target = before[-1] if before else same[0]
            item.role = "restatement"
            item.parts = [target]
            item.drug = item.drug or target.drug
            if target.count is None and item.unit != "doses":
                target.count, target.count_unit = int(item.value), item.unit

    def _restatements(self, items: list[Item]) -> None:
        """Later or rounder mentions of the same seizure (or of the same total): of the
        earlier figures a later one can be, the most precise is the one it is paired
        with (so "3.201 kilogramos" twice pair with each other, and the headline's "más
        de tres toneladas" restates them)."""
        for later_index, later in enumerate(items):
            if later.role == "restatement":
                continue
            same = [
                earlier
                for earlier in items[:later_index]
                if earlier.role != "restatement"
                and earlier.kind == later.kind
                and earlier.drug == later.drug
                and earlier.unit == later.unit
                and earlier.sentence != later.sentence
                and _same_figure(earlier, later)
            ]
            if not same:
                continue
            earlier = min(same, key=lambda item: item.precision)
            coarse, fine = (
                (later, earlier) if later.precision >= earlier.precision else (earlier, later)
            )
            coarse.role = "restatement"
            coarse.parts = [fine]
            for other in items:
                # What restated the coarse figure restates the precise one now.
                other.parts = [fine if p is coarse else p for p in other.parts]
                if other.role == "restatement" and other.parts == [coarse]:
                    other.parts = [fine]

    def _sums(self, items: list[Item]) -> None:
        """A quantity that adds up seizures the article itemizes is their total."""
        reports = [i for i in items if i.role == "report" and i.kind == "weight"]
        specific = [i for i in reports if i.drug]
        for item in reports:
            if not item.drug:
                if len(specific) >= 2:
                    item.role, item.parts = "aggregate", specific
                continue
            others = [
                o for o in reports if o is not item and o.drug == item.drug and o.value < item.value
            ]
            if len(others) < 2:
                continue
            total = sum(o.value for o in others)
            slack = 0.05 if item.qualifier else 0.02
            _start, sentence = self.spans[item.sentence]
            nearby = " ".join(
                fold(self.spans[i][1])
                for i in range(item.sentence, min(item.sentence + 2, len(self.spans)))
            )
            if abs(total - item.value) <= slack * item.value or SEVERAL.search(nearby):
                item.role, item.parts = "aggregate", others


# How many sentences a restatement, a total and its parts may span: news restates a
# seizure within a few paragraphs, never pages apart. Comparing figures only within
# such blocks keeps the reading linear in the length of the text.
BLOCK = 40


def _blocks(items: list[Item]) -> Iterator[list[Item]]:
    """``items`` (in text order) cut into runs of at most ``BLOCK`` sentences."""
    block: list[Item] = []
    first: int | None = None
    for item in items:
        if first is not None and item.sentence - first >= BLOCK:
            yield block
            block, first = [], None
        if first is None:
            first = item.sentence
        block.append(item)
    if block:
        yield block


def _same_figure(a: Item, b: Item) -> bool:
    """Whether two figures can be the same seizure: within 1 %, or one is the other
    rounded to its own precision ("2,4 toneladas" for 2,438 kilos)."""
    if abs(a.value - b.value) <= 0.01 * max(a.value, b.value):
        return True
    coarse = a if a.precision >= b.precision else b
    fine = b if coarse is a else a
    slack = coarse.precision / 2 * (2 if coarse.qualifier else 1)
    if coarse.qualifier == "more_than" and fine.value < coarse.value:
        return False
    if coarse.qualifier in ("nearly", "up_to") and fine.value > coarse.value:
        return False
    return abs(coarse.value - fine.value) <= min(slack, 0.25 * fine.value)


def read(text: str, spans: list[tuple[int, str]], language: str) -> list[Item]:
    """The seizure items of an article (``spans``: its ``(start, sentence)`` pairs)."""
    return Reader(text, spans, language).seizures()
