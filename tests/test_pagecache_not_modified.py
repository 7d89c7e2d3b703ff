"""A 304 or 412 from the page cache (cronica/core/pagecache.py) carries what Django's own
304 or 412 for the same page and the same request carries, in process: every header but
``Date`` (the moment of sending) and ``X-Cronica-Cache`` (which says where it came from).

Django's answer is taken first, before anything is stored (a conditional GET that misses
goes to Django), then the cache's once the page is stored: the security headers the
middleware outside ``ConditionalGetMiddleware`` adds (CSP, X-Content-Type-Options,
Referrer-Policy, the cross-origin policies) must be on both, and nothing Django leaves
off (the body's type) may be on the cache's.
"""

import pytest
from django.core.handlers.wsgi import WSGIHandler

from cronica.core.pagecache import PageCache

from .test_pagecache_answers import call, empty_store, environ, stored  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

IGNORED = {"date", "x-cronica-cache"}
SECURITY = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Cross-Origin-Resource-Policy",
    "Permissions-Policy",
)


def comparable(headers):
    return {name.lower(): value for name, value in headers.items() if name.lower() not in IGNORED}


@pytest.mark.parametrize(
    "conditions, status",
    [
        ({"if_none_match": "{etag}"}, "304 Not Modified"),
        ({"if_none_match": 'W/"other", {etag}'}, "304 Not Modified"),
        ({"if_none_match": "*"}, "304 Not Modified"),
        ({"if_match": '"other"'}, "412 Precondition Failed"),
    ],
)
@pytest.mark.parametrize("page", ["home", "article"])
def test_a_stored_conditional_answer_carries_the_headers_of_django_s_own(
    conditions, status, page, article
):
    path = "/en/" if page == "home" else article.url
    django = WSGIHandler()
    site = PageCache(django)
    etag = call(django, environ(path=path))[1]["ETag"]
    request = {k: v.format(etag=etag) for k, v in conditions.items()}

    from_django = call(site, environ(path=path, **request))  # nothing stored yet
    assert "X-Cronica-Cache" not in from_django[1]
    _status, headers, _page = stored(site, path=path)
    assert headers["ETag"] == etag
    from_store = call(site, environ(path=path, **request))
    assert from_store[1]["X-Cronica-Cache"] == "hit"

    assert from_store[0] == from_django[0] == status
    assert from_store[2] == from_django[2] == b""
    assert comparable(from_store[1]) == comparable(from_django[1])
    for name in SECURITY:
        assert from_store[1][name] == headers[name], name
