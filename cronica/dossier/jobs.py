"""Periodic jobs of the knowledge base (run by ``cronica worker``, see core/clock.py)."""

import logging
from typing import Any

from . import article_counts, knowledge, published
from .linking import link
from .models import Entity, Event

logger = logging.getLogger(__name__)
_linked_with: dict[str, Any] = {"fingerprint": None}


def relink_if_changed() -> int:
    """Relinks every published article when the knowledge base changed since the last
    run (an editor added an entity or an alias), so old articles link the new profile
    without being republished. Runs in the worker, so the state is the worker's own; a
    restarted worker relinks once."""
    from cronica.news.models import ArticlePage

    current = knowledge.fingerprint()
    if current == _linked_with["fingerprint"]:
        return 0
    count = 0
    for article in ArticlePage.objects.live().iterator(chunk_size=200):
        link(article)
        count += 1
    _linked_with["fingerprint"] = current
    logger.info("knowledge base changed: relinked %d articles", count)
    return count


def check_published() -> int:
    """The safety net of ``Event.published`` and ``Event.article_published_at``: every
    event's flag and date from its article, in case a path that keeps them true was missed
    (a bulk SQL change, a signal lost to a crash); 0 when none was. See published.py."""
    count = published.sync(Event.objects.all())
    if count:
        logger.warning("published flag or article date was wrong on %d events; fixed", count)
    return count


def recount_articles() -> int:
    """The safety net of ``Entity.article_count``: every entity's count from its linked
    mentions, in case a path that keeps it true was missed; 0 when none was. See
    article_counts.py."""
    count = article_counts.recount(Entity.objects.all())
    if count:
        logger.warning("article count was wrong on %d entities; fixed", count)
    return count
