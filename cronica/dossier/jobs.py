"""Periodic job of the knowledge base (run by ``cronica worker``, see core/clock.py)."""

import logging
from typing import Any

from . import knowledge
from .linking import link

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
