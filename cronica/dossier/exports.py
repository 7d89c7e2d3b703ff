"""The seizure ledger's exports (CSV, and JSON for /kb/seizures.json and the API), streamed.

A ledger over years of reporting holds tens of thousands of seizures; building every row
before sending the first byte held them all in memory at once, per request. Here the
rows come from one query read in chunks (``QuerySet.iterator``: a server-side cursor on
PostgreSQL), and each chunk of CHUNK_ROWS rows is written and sent before the next is
read, so memory and queries do not grow with the ledger. The bytes are exactly those the
whole-body responses sent (``ledger.to_csv``; ``JsonResponse`` with its default
separators), so a reader or a script sees no change. The embedded page cache
(cronica/core/pagecache.py) stores a streamed export once it has been sent in whole.
"""

import itertools
import json
from collections.abc import Iterator
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, QuerySet, Window
from django.http import HttpRequest, StreamingHttpResponse

from . import ledger

CHUNK_ROWS = 500


def _chunks(events: QuerySet) -> Iterator[list[Any]]:
    """``events`` in lists of CHUNK_ROWS, from one query."""
    chunk = []
    for event in events.iterator(chunk_size=CHUNK_ROWS):
        chunk.append(event)
        if len(chunk) == CHUNK_ROWS:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _rows(chunk: list[Any], request: HttpRequest) -> list[dict[str, Any]]:
    return [ledger.as_row(event, request) for event in chunk]


def _csv(events: QuerySet, request: HttpRequest) -> Iterator[str]:
    header = ledger.to_csv([])
    yield header
    for chunk in _chunks(events):
        # ledger.to_csv writes the header, then the rows as they are in the whole file.
        yield ledger.to_csv(_rows(chunk, request))[len(header) :]


def seizures_csv(events: QuerySet, request: HttpRequest) -> StreamingHttpResponse:
    """``events`` (filtered ledger seizures) as a streamed CSV attachment."""
    response = StreamingHttpResponse(_csv(events, request), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="seizures.csv"'
    return response


def _dumps(value: Any) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder)


def _json(events: QuerySet, filters: ledger.Filters, request: HttpRequest) -> Iterator[str]:
    # The count comes before the rows. It is counted by the same query (a window over the
    # whole result), so it always equals the number of rows that follow.
    chunks = _chunks(events.annotate(ledger_total=Window(Count("pk"))))
    first = next(chunks, [])
    total = first[0].ledger_total if first else 0
    yield f'{{"count": {total}, "filters": {_dumps(filters)}, "results": ['
    separator = ""
    for chunk in itertools.chain([first], chunks):
        if chunk:
            yield separator + ", ".join(_dumps(row) for row in _rows(chunk, request))
            separator = ", "
    yield "]}"


def seizures_json(
    events: QuerySet, filters: ledger.Filters, request: HttpRequest
) -> StreamingHttpResponse:
    """``{"count", "filters", "results"}`` of ``events`` as streamed JSON, byte for byte
    what ``JsonResponse`` made of the whole dictionary."""
    return StreamingHttpResponse(_json(events, filters, request), content_type="application/json")
