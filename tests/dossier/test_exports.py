"""The seizure ledger's exports stream (cronica/dossier/exports.py): the same bytes as the
whole-body responses they replace, rows read chunk by chunk from one query, and stored by
the embedded page cache once sent in whole when they fit."""

import io
import wsgiref.util
from datetime import date

import pytest
from django.db import connection
from django.http import JsonResponse
from django.test.utils import CaptureQueriesContext

from cronica.dossier import exports, ledger
from cronica.dossier.models import Event, Review

EXPORTS = ["/en/kb/seizures.csv", "/en/kb/seizures.json", "/es/kb/api/seizures/"]
QUERIES = ["", "?country=spain", "?drug=cocaine&year=2024", "?year=1901"]
# Cells that test the writers: a spreadsheet formula, quotes and a comma, a line break,
# text beyond ASCII.
CELLS = ["=1+1 kg", 'dos "toneladas", o más', "línea\nnueva", "3 t"]


def _seizures(article, kb, count, start=0):
    for n in range(start, start + count):
        Event.objects.create(
            article=article,
            kind=Event.Kind.SEIZURE,
            status=Review.CONFIRMED,
            role=Event.Role.REPORT,
            fingerprint=f"export-test-{n}",
            sentence=f"Seizure number {n}.",
            drug=["cocaine", "fentanyl"][n % 2],
            kg=100.5 + n,
            quantity_text=CELLS[n % len(CELLS)],
            place=kb["algeciras"] if n % 3 else None,
            place_text="" if n % 3 else "Puerto Bolívar",
            country=kb["spain"] if n % 3 else kb["ecuador"],
            occurred_on=date(2023 + n % 2, 1 + n % 12, 1 + n % 28) if n % 5 else None,
        )


@pytest.fixture
def ledger_kb(kb, make_article):
    """Eleven confirmed seizures in two articles (English and Spanish), and a later report
    of one of them that the ledger shows once."""
    english = make_article("Port seizures this year", ["<p>A roundup of the year.</p>"])
    spanish = make_article("Decomisos del año", ["<p>Un resumen del año.</p>"], language="es")
    _seizures(english, kb, 6)
    _seizures(spanish, kb, 5, start=6)
    first = Event.objects.get(fingerprint="export-test-0")
    Event.objects.create(
        article=spanish,
        kind=Event.Kind.SEIZURE,
        status=Review.CONFIRMED,
        role=Event.Role.REPORT,
        fingerprint="export-test-again",
        sentence="The same seizure, reported again.",
        drug=first.drug,
        kg=first.kg,
        same_as=first,
    )
    assert ledger.filtered(ledger.clean_filters({})).count() == 11
    return kb


def _whole_body(path, request):
    """What the exports sent before they streamed: every row built, then one body."""
    filters = ledger.clean_filters(request.GET)
    rows = [ledger.as_row(e, request) for e in ledger.filtered(filters)]
    if path.endswith(".csv"):
        return ledger.to_csv(rows).encode()
    return JsonResponse({"count": len(rows), "filters": filters, "results": rows}).content


@pytest.mark.django_db
@pytest.mark.parametrize("path", EXPORTS)
def test_streamed_export_is_byte_for_byte_the_whole_body(client, ledger_kb, monkeypatch, path):
    bodies = {}
    for query in QUERIES:
        for chunk_rows in (3, 500):
            monkeypatch.setattr(exports, "CHUNK_ROWS", chunk_rows)
            response = client.get(path + query)
            assert response.status_code == 200 and response.streaming
            body = b"".join(response.streaming_content)
            assert body == _whole_body(path, response.wsgi_request), (query, chunk_rows)
            bodies[query] = body.decode()
    assert "Puerto Bol" in bodies[""] and "Puerto Bol" not in bodies["?country=spain"]
    if path.endswith(".csv"):
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="seizures.csv"'
        assert "'=1+1 kg" in bodies[""] and bodies["?year=1901"].count("\n") == 1
    else:
        assert response["Content-Type"] == "application/json"
        assert '"count": 0' in bodies["?year=1901"] and '"count": 11' in bodies[""]


@pytest.mark.django_db
@pytest.mark.parametrize("path", EXPORTS)
def test_rows_are_built_and_sent_a_chunk_at_a_time(client, ledger_kb, monkeypatch, path):
    monkeypatch.setattr(exports, "CHUNK_ROWS", 2)
    built = []
    as_row = ledger.as_row

    def counted(event, request):
        built.append(event.pk)
        return as_row(event, request)

    monkeypatch.setattr(ledger, "as_row", counted)
    pieces = iter(client.get(path).streaming_content)
    next(pieces)  # the CSV header, or the JSON up to the first row
    assert built == []
    sent = 0
    for _piece in pieces:
        sent += 1
        assert len(built) <= 2 * sent
    assert len(built) == 11 and sent >= 6


@pytest.mark.django_db
@pytest.mark.parametrize("path", EXPORTS)
def test_export_queries_do_not_grow_with_the_rows(
    client, ledger_kb, make_article, monkeypatch, path
):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            b"".join(client.get(path).streaming_content)
        return len(captured)

    monkeypatch.setattr(exports, "CHUNK_ROWS", 2)
    before = queries()
    _seizures(make_article("More seizures", ["<p>More.</p>"]), ledger_kb, 9, start=20)
    assert ledger.filtered(ledger.clean_filters({})).count() == 20
    assert queries() == before


class _Served:
    """What a WSGI server got from the application: status, headers, the body chunks."""

    def __init__(self, application, path, read=None):
        environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "wsgi.input": io.BytesIO()}
        wsgiref.util.setup_testing_defaults(environ)
        result = application(environ, self._start_response)
        self.chunks = []
        try:
            for chunk in result:
                self.chunks.append(chunk)
                if read is not None and len(self.chunks) >= read:
                    break  # the reader went away
        finally:
            if hasattr(result, "close"):
                result.close()
        self.body = b"".join(self.chunks)

    def _start_response(self, status, headers, exc_info=None):
        self.status, self.headers = status, dict(headers)


@pytest.fixture
def page_cache(monkeypatch):
    """The embedded page cache in front of Django, in this process, emptied; Django's
    request signals must not close the test's database connection mid-transaction, as
    the test client arranges for its own requests."""
    from django.core import signals
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import close_old_connections

    from cronica.core import pagecache

    pagecache.forget_all()
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield pagecache.PageCache(WSGIHandler())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
        pagecache.forget_all()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/kb/seizures.csv", "/en/kb/seizures.json"])
def test_page_cache_stores_a_streamed_export_once_sent_in_whole(
    ledger_kb, page_cache, monkeypatch, path
):
    monkeypatch.setattr(exports, "CHUNK_ROWS", 3)
    first = _Served(page_cache, path)
    assert first.headers["X-Cronica-Cache"] == "miss" and len(first.chunks) > 2
    assert "Content-Length" not in first.headers
    with CaptureQueriesContext(connection) as captured:
        second = _Served(page_cache, path)
    assert len(captured) == 0
    assert second.headers["X-Cronica-Cache"] == "hit"
    assert second.body == first.body
    assert second.headers["Content-Length"] == str(len(first.body))
    assert second.headers["Content-Type"] == first.headers["Content-Type"]
    # A stored body carries an ETag, so a reader who has it gets a 304.
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "wsgi.input": io.BytesIO()}
    wsgiref.util.setup_testing_defaults(environ)
    environ["HTTP_IF_NONE_MATCH"] = second.headers["ETag"]
    statuses = []
    assert page_cache(environ, lambda status, headers: statuses.append(status)) == []
    assert statuses == ["304 Not Modified"]


@pytest.mark.django_db
def test_page_cache_does_not_store_a_streamed_export_larger_than_its_limit(
    ledger_kb, page_cache, monkeypatch
):
    from cronica.core import pagecache

    monkeypatch.setattr(exports, "CHUNK_ROWS", 3)
    whole = _Served(page_cache, "/en/kb/seizures.csv").body
    pagecache.forget_all()
    monkeypatch.setattr(pagecache, "MAX_BODY", len(whole) - 1)
    for _ in range(2):
        again = _Served(page_cache, "/en/kb/seizures.csv")
        assert again.headers["X-Cronica-Cache"] == "miss" and again.body == whole
    monkeypatch.setattr(pagecache, "MAX_BODY", len(whole))
    _Served(page_cache, "/en/kb/seizures.csv")
    assert _Served(page_cache, "/en/kb/seizures.csv").headers["X-Cronica-Cache"] == "hit"


@pytest.mark.django_db
def test_page_cache_does_not_store_an_export_the_reader_stopped_reading(
    ledger_kb, page_cache, monkeypatch
):
    monkeypatch.setattr(exports, "CHUNK_ROWS", 3)
    cut = _Served(page_cache, "/en/kb/seizures.csv", read=2)
    assert cut.headers["X-Cronica-Cache"] == "miss"
    after = _Served(page_cache, "/en/kb/seizures.csv")
    assert after.headers["X-Cronica-Cache"] == "miss" and after.body.startswith(cut.body)
    assert _Served(page_cache, "/en/kb/seizures.csv").headers["X-Cronica-Cache"] == "hit"
