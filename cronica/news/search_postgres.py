"""The newest articles that match every word of a search, on PostgreSQL, from Wagtail's
index entries alone (cronica/news/search.py ranks them).

Each page's entry carries the page's publication date, NULL unless the page is live
(``cronica_published_at``, kept by triggers: migration news 0003), and the joined title
and body vector that Wagtail matches on is GIN-indexed, so no article is joined to its
entry to find the matches. Two ways to find the newest matches, each cheap where the other
is not:

- walk the entries newest first and keep those that match: about CANDIDATES / share of
  matching articles rows, each of which costs a heap fetch and a tsvector test (~6 us at
  100,000 articles; more for long bodies stored out of line). Cheap for a common word:
  ~1,200 rows for a word in 17 % of articles, but ~8,000 for two words that 2.5 % share.
- read every match from the GIN index and sort them by date: one index lookup, then
  ~2-4 us per match. Cheap for rare words or several words, ~17,000 rows for one common
  word.

PostgreSQL's planner does not choose well between them (it costs a tsvector test like an
integer comparison, and chose an 8,000-row walk for two words: 86-133 ms, against
21-34 ms for the GIN read), though it estimates well how many entries match. So the walk
is tried, on the newest WALK entries only, when the planner expects enough matches among
them; it is exact whenever they are there, and the GIN read answers otherwise: at most a
short walk plus the read, whatever the words. Figures: bench/README.md, "Search and
ledger".
"""

from functools import reduce
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import QuerySet
from modelsearch.backends.database.postgres.query import Lexeme
from wagtail.search.models import IndexEntry

# Entries walked, newest first, before the GIN index is read instead: a walk this long
# finds the candidates when one article in ten matches, where the two ways cost the same.
WALK = 2000

_ENTRIES = """
    FROM {table} WHERE content_type_id = %s AND cronica_published_at IS NOT NULL
"""
_NEWEST_FIRST = "ORDER BY published_at DESC, page_id DESC LIMIT %s"
# Newest first by the entry's date, then id: the order of the site's listings
# (-first_published_at, -id), served by the index cronica_entry_newest.
_WALK = f"""
    SELECT page_id FROM (
        SELECT object_id::integer AS page_id, cronica_published_at AS published_at,
               title || body AS words {_ENTRIES}
        ORDER BY cronica_published_at DESC, object_id::integer DESC LIMIT %s
    ) AS newest
    WHERE words @@ {{tsquery}} {_NEWEST_FIRST}
"""
# MATERIALIZED: every match from the GIN index cronica_entry_words, then the sort; the
# planner would otherwise walk the date index again.
_READ = f"""
    WITH matches AS MATERIALIZED (
        SELECT object_id::integer AS page_id, cronica_published_at AS published_at
        {_ENTRIES} AND (title || body) @@ {{tsquery}}
    )
    SELECT page_id FROM matches {_NEWEST_FIRST}
"""
_ESTIMATE = f"EXPLAIN (FORMAT JSON) SELECT 1 {_ENTRIES} {{words}}"


def _tsquery(terms: str, config: Any) -> tuple[str, list[Any]]:
    """SQL for every word of ``terms``, as Wagtail's database backend writes its query (the
    same lexemes, the same text search configuration)."""
    lexemes = reduce(lambda a, b: a & b, (Lexeme(word) for word in terms.split()))
    query = SearchQuery(lexemes, search_type="raw", config=config)
    compiler = IndexEntry.objects.all().query.get_compiler(connection=connection)
    sql, params = compiler.compile(query)
    return sql, list(params)


def _share_matching(
    cursor: Any, table: str, content_type: int, tsquery: str, params: list
) -> float:
    """The planner's estimate of the share of live entries that match (from the statistics
    of the index on ``title || body``, which follow each word's frequency): two EXPLAINs,
    well under a millisecond, that spare a walk bound to fail."""

    def rows(words: str, params: list) -> float:
        cursor.execute(_ESTIMATE.format(table=table, words=words), [content_type, *params])
        return float(cursor.fetchone()[0][0]["Plan"]["Plan Rows"])

    return rows(f"AND (title || body) @@ {tsquery}", params) / max(rows("", []), 1.0)


def _newest_entries(content_type: int, terms: str, config: Any, limit: int) -> list[int]:
    """Page ids of up to ``limit`` live entries of ``content_type`` that match every word
    of ``terms``, newest first. The tsquery is computed once per query (a scalar
    subquery): without a configuration named, ``to_tsquery`` is only STABLE, so PostgreSQL
    would parse and stem the words again for every row it tests (~10 us a row, most of a
    walk's cost)."""
    words, params = _tsquery(terms, config)
    tsquery = f"(SELECT {words})"
    table = connection.ops.quote_name(IndexEntry._meta.db_table)
    with connection.cursor() as cursor:
        if (
            limit <= WALK
            and _share_matching(cursor, table, content_type, words, params) * WALK >= limit
        ):
            walk = _WALK.format(table=table, tsquery=tsquery)
            cursor.execute(walk, [content_type, WALK, *params, limit])
            found = [row[0] for row in cursor.fetchall()]
            if len(found) == limit:
                return found  # the newest WALK entries held them all
        read = _READ.format(table=table, tsquery=tsquery)
        cursor.execute(read, [content_type, *params, limit])
        return [row[0] for row in cursor.fetchall()]


def newest_matches(articles: QuerySet, terms: str, config: Any, count: int) -> list[int]:
    """Ids of the first ``count`` of ``articles`` (live and public) that match every word of
    ``terms``, newest first. A page in a private section has a live entry too; such pages
    are rare, so the first batch of entries nearly always suffices, else a larger one is
    read."""
    content_type = ContentType.objects.get_for_model(articles.model).pk
    shown = articles.prefetch_related(None)
    batch = count
    while True:
        ids = _newest_entries(content_type, terms, config, batch)
        kept = set(shown.filter(pk__in=ids).values_list("pk", flat=True))
        found = [pk for pk in ids if pk in kept]
        if len(found) >= count or len(ids) < batch:
            return found[:count]
        batch *= 4
