"""The site's gazetteer, built from the database once and reused while nothing changes.

Building an automaton over tens of thousands of aliases takes a moment, so each process
keeps one and rebuilds it only when the knowledge base changed. "Changed" is read from
the database itself (entity count and latest ``updated_at``; saving an alias or a
relation touches its entity), not from a cache, so every process, web or worker, sees an
edit on its next use, even with a per-process cache.
"""

import threading
from datetime import datetime
from typing import Any

from django.db.models import Count, Max

from .gazetteer import EntityInfo, Gazetteer
from .models import Alias, Entity, Relation

_lock = threading.Lock()
_current: dict[str, Any] = {"fingerprint": None, "gazetteer": None}


def fingerprint() -> tuple[int, datetime | None]:
    state = Entity.objects.aggregate(n=Count("pk"), latest=Max("updated_at"))
    return (state["n"], state["latest"])


def related_ids() -> dict[int, set[int]]:
    """Entity id -> ids of entities related to it, either way, places to their parents."""
    related: dict[int, set[int]] = {}

    def connect(a: int, b: int) -> None:
        related.setdefault(a, set()).add(b)
        related.setdefault(b, set()).add(a)

    for a, b in Relation.objects.values_list("subject_id", "target_id"):
        connect(a, b)
    for a, b in Entity.objects.filter(parent__isnull=False).values_list("pk", "parent_id"):
        connect(a, b)
    return related


def entity_infos() -> dict[int, EntityInfo]:
    rows = {
        row[0]: row
        for row in Entity.objects.values_list("pk", "name", "kind", "level", "slug", "parent_id")
    }

    def country_of(pk: int | None) -> int | None:
        seen: set[int] = set()
        while pk and pk not in seen:
            seen.add(pk)
            if rows[pk][3] == Entity.Level.COUNTRY:
                return pk
            pk = rows[pk][5]
        return None

    return {
        pk: EntityInfo(
            pk, name, kind, level, slug, country_of(pk) if kind == Entity.Kind.PLACE else None
        )
        for pk, name, kind, level, slug, _parent in rows.values()
    }


def build() -> Gazetteer:
    names = ((pk, name, False, "") for pk, name in Entity.objects.values_list("pk", "name"))
    aliases = Alias.objects.values_list("entity_id", "text", "needs_context", "language")
    gazetteer = Gazetteer(list(names) + list(aliases), related_ids())
    gazetteer.entities = entity_infos()
    return gazetteer


def gazetteer() -> Gazetteer:
    """The current gazetteer, rebuilt if the knowledge base changed since the last call."""
    current = fingerprint()
    with _lock:
        if _current["fingerprint"] != current or _current["gazetteer"] is None:
            _current["gazetteer"] = build()
            _current["fingerprint"] = current
        return _current["gazetteer"]


def touch_entity(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Signal handler: an alias or relation changed, so its entity (and the fingerprint)
    did too."""
    entity_id = getattr(instance, "entity_id", None) or getattr(instance, "subject_id", None)
    if entity_id:
        from django.utils import timezone

        Entity.objects.filter(pk=entity_id).update(updated_at=timezone.now())
