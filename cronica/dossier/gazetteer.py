"""Finds known entities in text: one Aho-Corasick automaton over every alias, folded.

Matching runs on accent- and case-folded text (``folding.fold`` keeps offsets), keeps only
matches on word boundaries, prefers the longest match where matches overlap, and treats
ambiguous aliases with care:

- an all-capitals acronym ("CJNG", "DEA") matches only text written in capitals too;
- a capitalized alias marked ``needs_context`` matches only capitalized text ("Mayo",
  never the month "mayo");
- an alias marked ``needs_context``, an alias of two characters or fewer (unless it is an
  acronym, already held to capitals) and an alias shared by several entities link only
  when the same text also names the entity (or an entity related to it) by an unambiguous
  alias, so "Mayo" alone never links to "El Mayo", nor "Guzmán" to the wrong Guzmán;
- a match followed by "$" is a currency ("US$"), not a name.

This module knows nothing of the database, so the benchmark and unit tests use it bare;
``knowledge.py`` builds it from the site's entities.
"""

from collections.abc import Container, Iterable
from dataclasses import dataclass

import ahocorasick

from .folding import fold, is_word_char

# One entity an alias may name: (entity id, needs context, acronym, language, needs a
# capital letter).
Entry = tuple[int, bool, bool, str, bool]
SHORT = 2  # aliases this short (in letters) always need context


@dataclass(frozen=True, slots=True)
class Match:
    entity_id: int
    start: int
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """What extraction needs to know of an entity, without a query per match."""

    id: int
    name: str
    kind: str
    level: str
    slug: str
    country_id: int | None


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters)


class Gazetteer:
    """All aliases of all entities, ready to scan text.

    ``aliases`` is an iterable of ``(entity_id, text, needs_context, language)``;
    ``related`` maps an entity id to the ids of entities related to it (both directions).
    """

    # Group names by their key words, set by resolution._group_keys on first use.
    _group_keys: dict[tuple[str, ...], set[int]]

    def __init__(
        self,
        aliases: Iterable[tuple[int, str, bool, str]],
        related: dict[int, set[int]] | None = None,
    ) -> None:
        grouped: dict[str, dict[int, tuple[bool, bool, str, bool]]] = {}
        self.aliases_of: dict[int, list[str]] = {}  # entity id -> its alias texts, as written
        for entity_id, text, needs_context, language in aliases:
            self.aliases_of.setdefault(entity_id, []).append(text)
            key = fold(text.strip())
            if not key or not any(c.isalnum() for c in key):
                continue
            entries = grouped.setdefault(key, {})
            acronym = _is_acronym(text)
            short = sum(c.isalnum() for c in key) <= SHORT and not acronym
            flags = (
                needs_context or short,
                acronym,
                language or "",
                needs_context and text[0].isupper(),
            )
            previous = entries.get(entity_id)
            # The same key twice for one entity: keep the least demanding reading.
            entries[entity_id] = (
                flags
                if previous is None
                else (
                    previous[0] and flags[0],
                    previous[1] and flags[1],
                    previous[2] if previous[2] == flags[2] else "",
                    previous[3] and flags[3],
                )
            )
        self.automaton = ahocorasick.Automaton()
        for key, entries in grouped.items():
            shared = len(entries) > 1
            value = (
                len(key),
                tuple(
                    (eid, nc or shared, acro, lang, capital)
                    for eid, (nc, acro, lang, capital) in entries.items()
                ),
            )
            self.automaton.add_word(key, value)
        self.size = len(grouped)
        if self.size:
            self.automaton.make_automaton()
        self.related = related or {}
        self.entities: dict[int, EntityInfo] = {}  # id -> EntityInfo, filled by knowledge.build()

    def candidates(
        self, text: str, language: str | None = None
    ) -> list[tuple[int, int, tuple[Entry, ...]]]:
        """Every alias occurrence on word boundaries, as ``(start, end, entries)``; the
        longest wins where occurrences overlap."""
        if not self.size:
            return []
        folded = fold(text)
        found = []
        last = len(text)
        for end_index, (length, entries) in self.automaton.iter(folded):
            start, end = end_index - length + 1, end_index + 1
            if start > 0 and is_word_char(folded[start - 1]):
                continue
            if end < last and (is_word_char(folded[end]) or folded[end] == "$"):
                continue  # "US$" is a currency, not the United States
            surface = text[start:end]
            usable = tuple(
                e
                for e in entries
                if (not e[2] or surface.upper() == surface)
                and (not e[4] or surface[0].isupper())
                and (not language or not e[3] or e[3] == language)
            )
            if usable:
                found.append((start, end, usable))
        found.sort(key=lambda item: (item[0] - item[1], item[0]))
        taken = bytearray(len(text))
        kept = []
        for start, end, entries in found:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end, entries))
        kept.sort()
        return kept

    def find(
        self,
        text: str,
        language: str | None = None,
        context: Iterable[int] = (),
        only: Container[int] | None = None,
    ) -> list[Match]:
        """The entity matches in ``text``, in reading order.

        ``context``: entity ids known to be present anyway (they let ambiguous aliases
        resolve); ``only``: if given, the entity ids that may be returned.
        """
        kept = self.candidates(text, language)
        sure = set(context)
        for _start, _end, entries in kept:
            if len(entries) == 1 and not entries[0][1]:
                sure.add(entries[0][0])
        near = set(sure)
        for entity_id in sure:
            near.update(self.related.get(entity_id, ()))
        matches = []
        for start, end, entries in kept:
            if len(entries) == 1 and not entries[0][1]:
                entity_id = entries[0][0]
            else:
                chosen = {e[0] for e in entries if e[0] in sure} or {
                    e[0] for e in entries if e[0] in near
                }
                if len(chosen) != 1:
                    continue
                entity_id = chosen.pop()
            if only is None or entity_id in only:
                matches.append(Match(entity_id, start, end, text[start:end]))
        return matches
