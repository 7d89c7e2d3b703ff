"""``link(article)``: what the rest of cronica calls to connect an article to the knowledge
base. It stores the article's mentions, suggested events and unknown names, keeping every
decision an editor already made (a rejected link stays rejected, a confirmed event stays
confirmed), so it is safe to run on every publish.
"""

import hashlib
import logging

from django.db import transaction
from wagtail.models import Page

from . import knowledge, merging, published
from .extraction import Extraction, FoundEvent, event_fields, extract
from .gazetteer import Match
from .models import Event, Mention, Review, UnknownName

logger = logging.getLogger(__name__)


def article_text(article: Page) -> str:
    """The text the knowledge base reads: title, summary and body."""
    return "\n\n".join(
        part for part in (article.title, article.summary, article.plain_text()) if part
    )


def _fingerprint(event: FoundEvent) -> str:
    key = "|".join([event.kind, " ".join(event.sentence.split()), event.quantity_text, event.role])
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def link(article: Page) -> Extraction:
    """Finds what ``article`` mentions and reports; returns the extraction."""
    result = extract(article_text(article), knowledge.gazetteer(), language=article.language)

    first: dict[int, Match] = {}
    counts: dict[int, int] = {}
    for match in result.matches:
        first.setdefault(match.entity_id, match)
        counts[match.entity_id] = counts.get(match.entity_id, 0) + 1
    mentions_before = {m.entity_id: m for m in Mention.objects.filter(article=article)}
    for entity_id, match in first.items():
        mention = mentions_before.pop(entity_id, None) or Mention(
            article=article, entity_id=entity_id
        )
        values = (match.surface[:200], match.start, counts[entity_id])
        if mention.pk and (mention.surface, mention.offset, mention.count) == values:
            continue
        known = mention.pk is not None
        mention.surface, mention.offset, mention.count = values
        # Where and how often it is named changes no article count (article_counts.py).
        mention.save(update_fields=["surface", "offset", "count"] if known else None)
    # No longer found: forget suggestions, keep what an editor decided.
    Mention.objects.filter(
        pk__in=[m.pk for m in mentions_before.values()], status=Review.SUGGESTED
    ).delete()

    # Events: decided ones are never touched; suggestions still found are updated in
    # place (no delete-and-recreate churn on every publish), the others are dropped.
    events_before = {e.fingerprint: e for e in Event.objects.filter(article=article)}
    seen = set()
    saved = {}  # id(found event) -> its row, to link restatements and totals to parts
    for found in result.events:
        fingerprint = _fingerprint(found)
        if fingerprint in seen:
            continue
        seen.add(fingerprint)
        event = events_before.get(fingerprint)
        if event is not None and event.status != Review.SUGGESTED:
            saved[id(found)] = event
            continue
        event = event or Event(article=article, fingerprint=fingerprint)
        for name, value in event_fields(found).items():
            setattr(event, name, value)
        event.save()
        event.entities.set(found.entity_ids)
        saved[id(found)] = event
    for found in result.events:
        if found.parts and id(found) in saved and saved[id(found)].status == Review.SUGGESTED:
            saved[id(found)].parts.set([saved[id(p)] for p in found.parts if id(p) in saved])
    Event.objects.filter(article=article, status=Review.SUGGESTED).exclude(
        fingerprint__in=seen
    ).delete()
    merging.merge(list(dict.fromkeys(saved.values())))
    published.sync_articles([article.pk])

    UnknownName.objects.filter(article=article).delete()
    UnknownName.objects.bulk_create(
        UnknownName(
            article=article,
            name=item["name"][:200],
            kind_guess=item["type"],
            count=len(item["mentions"]),
        )
        for item in result.unknown
    )
    logger.info(
        "linked article %s: %d entities, %d events", article.pk, len(first), len(result.events)
    )
    return result
