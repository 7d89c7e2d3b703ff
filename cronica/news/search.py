"""Site search over published articles through Wagtail's search backend (the database
backend by default, OpenSearch when configured)."""

import re
from typing import Any

from django.db.models import QuerySet

# Readers type words; the backends give some characters meaning (SQLite FTS5 quotes and
# operators, PostgreSQL refuses NUL bytes). Only letters, digits and the marks that join
# them reach the backend, so no query can be a syntax error.
NOT_A_WORD = re.compile(r"[^\w]+", re.UNICODE)
MAX_TERMS = 12


def normalize_query(query: str) -> str:
    """The words of ``query``, joined by single spaces (at most MAX_TERMS of them)."""
    words = [w for w in NOT_A_WORD.sub(" ", query.replace("_", " ")).split() if w]
    return " ".join(words[:MAX_TERMS])


def search_articles(articles: QuerySet, query: str) -> Any:
    """The ``articles`` (a queryset) that match every word of ``query``; none for a query
    without words."""
    terms = normalize_query(query)
    if not terms:
        return articles.none()
    return articles.search(terms, operator="and")
