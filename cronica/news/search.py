"""Site search over published articles through Wagtail's search backend (the database
backend by default, OpenSearch when configured), ranked over a capped set of candidates.

Wagtail ranks every match before it takes a page of results: at 100,000 articles a word
of the beat is in ~17,000 of them (bench/search_ledger.py), and its PostgreSQL backend
also matches on the title and body vectors joined, which no index can answer, so each
search read and ranked every index entry. Here a search first finds the CANDIDATES most
recent articles that match every word, then Wagtail ranks only those, best match first;
a reader is told when more matched ("more than 200 articles match") and that a further word
narrows them. On PostgreSQL the candidates come from Wagtail's index entries alone,
which carry each page's publication date (cronica/news/search_postgres.py); on other
backends from Wagtail's search itself, unranked and ordered by date. See bench/README.md
for figures.
"""

import re
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from wagtail.search.backends import get_search_backend

# Readers type words; the backends give some characters meaning (SQLite FTS5 quotes and
# operators, PostgreSQL refuses NUL bytes). Only letters, digits and the marks that join
# them reach the backend, so no query can be a syntax error.
NOT_A_WORD = re.compile(r"[^\w]+", re.UNICODE)
MAX_TERMS = 12
# How many matching articles, newest first, are ranked: ten pages of results (PAGE_SIZE 20).
CANDIDATES = 200
NEWEST_FIRST = ("-first_published_at", "-id")  # fields Wagtail can sort on


@dataclass
class Found:
    """The ranked results (a Wagtail search, sliced by the paginator), and whether more
    articles matched than the CANDIDATES that were ranked."""

    results: Any
    capped: bool


def normalize_query(query: str) -> str:
    """The words of ``query``, joined by single spaces (at most MAX_TERMS of them)."""
    words = [w for w in NOT_A_WORD.sub(" ", query.replace("_", " ")).split() if w]
    return " ".join(words[:MAX_TERMS])


def _on_postgres(backend: Any) -> bool:
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return isinstance(backend, PostgresSearchBackend)


def _newest_matches(articles: QuerySet, terms: str) -> list[int]:
    """Ids of up to CANDIDATES + 1 of ``articles`` that match ``terms``, newest first."""
    backend = get_search_backend()
    if _on_postgres(backend):
        from . import search_postgres

        return search_postgres.newest_matches(articles, terms, backend.config, CANDIDATES + 1)
    newest = articles.prefetch_related(None).order_by(*NEWEST_FIRST)
    found = newest.only("pk").search(terms, operator="and", order_by_relevance=False)
    return [article.pk for article in found[: CANDIDATES + 1]]


def search_articles(articles: QuerySet, query: str) -> Found:
    """The ``articles`` (a queryset) that match every word of ``query``, best match first,
    among the CANDIDATES most recent matches; none for a query without words."""
    terms = normalize_query(query)
    if not terms:
        return Found(articles.none(), capped=False)
    candidates = _newest_matches(articles, terms)
    ranked = articles.filter(pk__in=candidates[:CANDIDATES]).search(terms, operator="and")
    return Found(Counted(ranked, len(candidates[:CANDIDATES])), capped=len(candidates) > CANDIDATES)


class Counted:
    """Search results whose number is known (the candidates all match), so a paginator
    asks the database only for its page, not again for the count."""

    def __init__(self, results: Any, count: int) -> None:
        self._results = results
        self._count = count

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, key: Any) -> Any:
        return self._results[key]
