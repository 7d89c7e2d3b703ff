"""Site search over published articles through Wagtail's search backend (the database
backend by default, OpenSearch when configured), ranked over a capped set of candidates.

Wagtail ranks every match before it takes a page of results: at 100,000 articles a word
of the beat is in ~17,000 of them (bench/search_ledger.py), and its PostgreSQL backend
also matches on the title and body vectors joined, which no index can answer, so each
search read and ranked every index entry. Here a search first finds the CANDIDATES most
recent articles that match every word, then Wagtail ranks only those, best match first;
a reader is told when more matched ("more than 200 articles match") and that a further word
narrows them. On PostgreSQL the candidates are the articles whose index entry has each
word in its title or its body vector (exactly those Wagtail's joined vector matches),
newest first: PostgreSQL walks the articles by date and stops at the cap when the words
are common, or reads the GIN indexes when they are rare. On other backends they come
from Wagtail's search itself, unranked and ordered by date. See bench/README.md for
figures.
"""

import re
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Cast
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


def _postgres_matches(model: type, terms: str, config: Any) -> Exists:
    """True for a ``model`` row whose index entry has every word of ``terms`` in its title
    or body vector. Correlated on the entry's unique (content type, object id), so
    PostgreSQL can walk the articles newest first and stop at the cap, or read the GIN
    indexes when the words are rare."""
    from django.contrib.postgres.search import SearchQuery
    from modelsearch.backends.database.postgres.query import Lexeme
    from wagtail.search.models import IndexEntry

    entries = IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=Cast(OuterRef("pk"), CharField()),
    )
    for word in terms.split():
        word_query = SearchQuery(Lexeme(word), search_type="raw", config=config)
        entries = entries.filter(Q(title=word_query) | Q(body=word_query))
    return Exists(entries)


def _on_postgres(backend: Any) -> bool:
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return isinstance(backend, PostgresSearchBackend)


def _newest_matches(articles: QuerySet, terms: str) -> list[int]:
    """Ids of up to CANDIDATES + 1 of ``articles`` that match ``terms``, newest first."""
    backend = get_search_backend()
    newest = articles.prefetch_related(None).order_by(*NEWEST_FIRST)
    if _on_postgres(backend):
        matching = _postgres_matches(articles.model, terms, backend.config)
        return list(newest.filter(matching).values_list("pk", flat=True)[: CANDIDATES + 1])
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
