"""Linking throughput: the knowledge base's gazetteer on 20,000 entities and 60,000
aliases, next to a bare Aho-Corasick scan of the same text with the same aliases.

    .venv/bin/python bench/linking.py [--mb 4] [--entities 20000] [--seed 7]

The text is generated in English and Spanish with accents, capitals and mentions of
known aliases (about one word in fifty), so both scans do real work. "Bare" is
``pyahocorasick``'s ``iter`` over the already-lowercased text, counting raw hits: no
accent folding, no word boundaries, no overlap resolution, no context rules. The
gazetteer's figure includes all of those. No database: the gazetteer is built directly,
as ``cronica.dossier.knowledge`` does from the entities' rows.
"""

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import ahocorasick  # noqa: E402

from cronica.dossier.folding import fold  # noqa: E402
from cronica.dossier.gazetteer import Gazetteer  # noqa: E402

FIRST = [
    "José",
    "María",
    "Joaquín",
    "Ismael",
    "Nemesio",
    "Adolfo",
    "Fernando",
    "Ovidio",
    "Iván",
    "Rubén",
    "Ángel",
    "Jesús",
    "Rafael",
    "Óscar",
    "Héctor",
    "Ramón",
    "Raúl",
    "Julio",
    "Sofía",
    "Lucía",
    "Carmen",
    "Andrés",
    "Tomás",
    "Inés",
    "Nicolás",
]
LAST = [
    "Guzmán",
    "Zambada",
    "Macías",
    "Oseguera",
    "Villamar",
    "López",
    "García",
    "Pérez",
    "Cárdenas",
    "Beltrán",
    "Leyva",
    "Carrillo",
    "Fuentes",
    "Quintero",
    "Caro",
    "Treviño",
    "Morales",
    "Salazar",
    "Zambrano",
    "Estrada",
    "Núñez",
    "Ibáñez",
    "Muñoz",
    "Peña",
]
SYLLABLES = [
    "ta",
    "ma",
    "no",
    "ri",
    "co",
    "la",
    "be",
    "ru",
    "chi",
    "gua",
    "yo",
    "que",
    "sa",
    "lo",
    "to",
    "ne",
    "pe",
    "xi",
    "ca",
    "dor",
    "mon",
    "tlán",
    "ña",
    "hué",
]
FILLER = [
    "the",
    "police",
    "said",
    "on",
    "Monday",
    "that",
    "a",
    "shipment",
    "of",
    "cocaine",
    "hidden",
    "in",
    "bananas",
    "was",
    "seized",
    "at",
    "the",
    "port",
    "after",
    "months",
    "of",
    "investigation",
    "la",
    "policía",
    "informó",
    "que",
    "el",
    "cargamento",
    "de",
    "cocaína",
    "oculto",
    "en",
    "cajas",
    "de",
    "banano",
    "fue",
    "decomisado",
    "en",
    "el",
    "puerto",
    "tras",
    "meses",
    "de",
    "investigación",
    "and",
    "officials",
    "added",
    "that",
    "the",
    "group",
    "had",
    "moved",
    "tons",
    "through",
    "the",
    "region",
    "según",
    "fuentes",
    "oficiales",
]


def word(rng, n=2):
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()


def make_entities(rng, count):
    """``count`` entities with three aliases each (name, nickname or acronym, variant)."""
    rows = []
    for entity_id in range(count):
        kind = entity_id % 3
        if kind == 0:  # person: full name, "El X" nickname, surname pair
            first, last1, last2 = rng.choice(FIRST), rng.choice(LAST), word(rng, 3)
            names = [
                f"{first} {last1} {last2}",
                f"El {word(rng, 2)}{entity_id}",
                (f"{last1} {last2}", True),
            ]
        elif kind == 1:  # group: "Los X", "Cártel de X", acronym
            base = word(rng, 3)
            names = [
                f"Los {base}{entity_id}",
                f"Cártel de {base}{entity_id}",
                f"C{base[:2].upper()}{entity_id}",
            ]
        else:  # place: name, "Ciudad de" name, "Puerto" name
            base = f"{word(rng, 2)} {word(rng, 3)}{entity_id}"
            names = [base, f"Ciudad de {base}", f"Puerto {base}"]
        for name in names:
            text, needs_context = name if isinstance(name, tuple) else (name, False)
            rows.append((entity_id, text, needs_context, ""))
    return rows


def make_text(rng, aliases, megabytes):
    parts, size, target = [], 0, int(megabytes * 1_000_000)
    while size < target:
        if rng.random() < 0.02:
            _id, piece, _nc, _lang = rng.choice(aliases)
            piece = piece.upper() if rng.random() < 0.1 else piece
        else:
            piece = rng.choice(FILLER)
        parts.append(piece)
        size += len(piece.encode()) + 1
        if rng.random() < 0.05:
            parts.append(".\n")
    return " ".join(parts)


def best_of(runs, function):
    timings = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        timings.append(time.perf_counter() - start)
    return min(timings), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0)
    parser.add_argument("--entities", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    aliases = make_entities(rng, args.entities)
    text = make_text(rng, aliases, args.mb)
    megabytes = len(text.encode()) / 1_000_000

    start = time.perf_counter()
    gazetteer = Gazetteer(aliases, {})
    build_seconds = time.perf_counter() - start

    bare = ahocorasick.Automaton()
    for _id, alias, _nc, _lang in aliases:
        bare.add_word(alias.lower(), alias)
    bare.make_automaton()
    lowered = text.lower()

    bare_seconds, bare_hits = best_of(args.runs, lambda: sum(1 for _ in bare.iter(lowered)))
    fold_seconds, _ = best_of(args.runs, lambda: fold(text))
    linker_seconds, matches = best_of(args.runs, lambda: gazetteer.find(text))

    print(
        f"entities {args.entities:,}, aliases {len(aliases):,} "
        f"({gazetteer.size:,} distinct folded), text {megabytes:.2f} MB"
    )
    print(f"gazetteer build:           {build_seconds:6.2f} s")
    print(
        f"bare Aho-Corasick scan:    {bare_seconds:6.3f} s  "
        f"{megabytes / bare_seconds:8.1f} MB/s  ({bare_hits:,} raw hits)"
    )
    print(f"accent folding alone:      {fold_seconds:6.3f} s  {megabytes / fold_seconds:8.1f} MB/s")
    print(
        f"gazetteer.find (linking):  {linker_seconds:6.3f} s  "
        f"{megabytes / linker_seconds:8.1f} MB/s  ({len(matches):,} entity matches)"
    )
    print(
        f"ratio linking / bare:      {bare_seconds / linker_seconds:6.3f} "
        f"(linking runs at {100 * bare_seconds / linker_seconds:.0f}% of the bare scan's "
        f"speed)"
    )


if __name__ == "__main__":
    main()
