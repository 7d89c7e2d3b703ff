"""What a page-cache hit answers (cronica/core/pagecache.py), in process: the wrapper in
front of the site's own Django application, compared with what Django answers itself.

A hit must say what Django would have said to the same request: HEAD gets the page's
headers and no body, a conditional GET gets Django's 304 (with the page's ``ETag`` and
``Cache-Control``) or 412, and a page stored for HTTPS (which carries HSTS) is never sent
to a plain-HTTP request, nor the other way round, also behind a proxy that names the
scheme in a header.
"""

import io

import pytest
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import override_settings

from cronica.core import pagecache
from cronica.core.pagecache import PageCache, request_scheme

pytestmark = pytest.mark.django_db

HSTS = {"SECURE_HSTS_SECONDS": 3600}
PROXY = {"SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https")}


@pytest.fixture(autouse=True)
def empty_store():
    # As Django's test client does: the test's transaction must outlive each request, so
    # neither its start nor its end may close the connection (PostgreSQL closes it then).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    pagecache.forget_all()
    yield
    pagecache.forget_all()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def environ(method="GET", path="/en/", scheme="http", **headers):
    return {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "443" if scheme == "https" else "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.url_scheme": scheme,
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }


def call(application, env):
    """(status, headers as a dict, body) of one WSGI call."""
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    result = application(env, start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return answer["status"], answer["headers"], body


def stored(application, **kwargs):
    """The page's stored answer: GET until it comes from the store."""
    for _attempt in range(3):
        status, headers, body = call(application, environ(**kwargs))
        if headers.get("X-Cronica-Cache") == "hit":
            return status, headers, body
    raise AssertionError((status, headers))


def test_head_gets_the_stored_headers_and_no_body():
    site = PageCache(WSGIHandler())
    status, headers, body = stored(site)
    assert status.startswith("200") and body
    head_status, head_headers, head_body = call(site, environ("HEAD"))
    assert (head_status, head_headers, head_body) == (status, headers, b"")
    # Also when the HEAD carries a condition: Django answers conditions on GET only.
    conditional = call(site, environ("HEAD", if_none_match=headers["ETag"]))
    assert conditional == (status, headers, b"")


@pytest.mark.parametrize(
    "conditions",
    [
        {"if_none_match": "{etag}"},
        {"if_none_match": 'W/"other", {etag}'},
        {"if_none_match": "*"},
        {"if_none_match": '"other"'},
        {"if_match": '"other"'},
        {"if_match": "{etag}"},
        {"if_modified_since": "Thu, 01 Jan 2099 00:00:00 GMT"},
        {"if_unmodified_since": "Thu, 01 Jan 1970 00:00:00 GMT"},
    ],
)
def test_conditional_get_is_answered_as_django_answers_it(conditions):
    django = WSGIHandler()
    site = PageCache(django)
    _status, headers, page = stored(site)
    request = {k: v.format(etag=headers["ETag"]) for k, v in conditions.items()}
    from_store = call(site, environ(**request))
    from_django = call(django, environ(**request))
    assert from_store[0] == from_django[0], (from_store, from_django)
    if from_django[0].startswith("200"):
        assert from_store[2] == page
        return
    assert from_store[2] == from_django[2] == b""
    for name in ("ETag", "Cache-Control", "Last-Modified", "Vary"):
        assert from_store[1].get(name) == from_django[1].get(name), name


def test_not_modified_carries_the_page_etag_and_cache_control():
    site = PageCache(WSGIHandler())
    _status, headers, _page = stored(site)
    status, answer, body = call(site, environ(if_none_match=headers["ETag"]))
    assert status == "304 Not Modified" and body == b""
    assert answer["ETag"] == headers["ETag"]
    assert answer["Cache-Control"] == headers["Cache-Control"]
    assert "public" in answer["Cache-Control"]


@override_settings(**HSTS)
def test_https_and_http_pages_are_stored_apart():
    site = PageCache(WSGIHandler())
    _status, secure, _page = stored(site, scheme="https")
    assert "Strict-Transport-Security" in secure
    status, plain, _page = call(site, environ(scheme="http"))
    assert plain["X-Cronica-Cache"] == "miss" and "Strict-Transport-Security" not in plain
    _status, plain, _page = stored(site, scheme="http")
    assert "Strict-Transport-Security" not in plain
    _status, secure_again, _page = stored(site, scheme="https")
    assert secure_again["Strict-Transport-Security"] == secure["Strict-Transport-Security"]
    # A purge drops both.
    pagecache.forget(["/en/"])
    for scheme in ("http", "https"):
        assert call(site, environ(scheme=scheme))[1]["X-Cronica-Cache"] == "miss", scheme


@override_settings(**HSTS, **PROXY)
def test_behind_a_proxy_the_forwarded_scheme_picks_the_stored_page():
    site = PageCache(WSGIHandler())
    _status, secure, _page = stored(site, x_forwarded_proto="https")
    assert "Strict-Transport-Security" in secure
    _status, plain, _page = stored(site, x_forwarded_proto="http")
    assert "Strict-Transport-Security" not in plain
    _status, direct, _page = stored(site)  # no header: the server's own scheme
    assert "Strict-Transport-Security" not in direct


@pytest.mark.parametrize(
    "proxy, scheme, headers",
    [
        (None, "http", {}),
        (None, "https", {}),
        (None, "http", {"x_forwarded_proto": "https"}),
        (PROXY["SECURE_PROXY_SSL_HEADER"], "http", {}),
        (PROXY["SECURE_PROXY_SSL_HEADER"], "http", {"x_forwarded_proto": "https"}),
        (PROXY["SECURE_PROXY_SSL_HEADER"], "http", {"x_forwarded_proto": "https, http"}),
        (PROXY["SECURE_PROXY_SSL_HEADER"], "https", {"x_forwarded_proto": "http"}),
        (PROXY["SECURE_PROXY_SSL_HEADER"], "http", {"x_forwarded_proto": " https "}),
    ],
)
def test_request_scheme_is_the_scheme_django_gives_the_request(proxy, scheme, headers):
    with override_settings(SECURE_PROXY_SSL_HEADER=proxy):
        env = environ(scheme=scheme, **headers)
        assert request_scheme(env) == WSGIRequest(env).scheme


@pytest.mark.parametrize(
    "headers",
    [
        [("Set-Cookie", "sessionid=abc; HttpOnly")],
        [("Vary", "*")],
    ],
)
def test_a_public_page_that_sets_a_cookie_or_varies_on_everything_is_not_stored(headers):
    """The site sets no cookie on a page it marks public, so no served page shows this
    check: a view that did would otherwise hand one reader's cookie to every reader."""
    public = [("Content-Type", "text/html"), ("Cache-Control", "public, max-age=60")]
    assert pagecache._shareable("200 OK", public)
    assert not pagecache._shareable("200 OK", public + headers)
