"""Attacks that only a real server sees: a real `cronica serve` (gunicorn with its default
workers: several processes, sharing their rate limits through a tmpfs without Redis) gets
a flood of tip submissions, a body larger than the limit announced up front, an over-long
request line and a forged Host; it answers 4xx and stays up."""

import http.client
import socket

import pyrage
import pytest

from tests.durability.served_site import FORM_HEADERS, ServedSite

from . import multipart

pytestmark = pytest.mark.slow  # starts real `cronica` processes (tests/markers.py)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    identity = pyrage.x25519.Identity.generate()
    served = ServedSite(
        tmp_path_factory.mktemp("served"),
        workers=None,
        extra_env={
            "CRONICA_TIPS_RECIPIENTS": str(identity.to_public()),
            "CRONICA_TIPS_MAX_SUBMISSION_BYTES": str(2 * 1024 * 1024),
        },
    )
    try:
        yield served.start("/en/tips/")
    finally:
        served.close()


def request(site, method, path, body=b"", headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", site.port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def tip_counts(site):
    out = site.manage(
        "shell",
        "-c",
        (
            "from cronica.tips.models import Source, Submission\n"
            "print(Source.objects.count(), Submission.objects.count())"
        ),
    )
    return tuple(int(n) for n in out.stdout.splitlines()[-1].split())


def test_announced_body_over_the_limit_is_refused_without_reading_it(site):
    with socket.create_connection(("127.0.0.1", site.port), timeout=30) as conn:
        conn.sendall(
            (
                f"POST /en/tips/send/ HTTP/1.1\r\nHost: 127.0.0.1:{site.port}\r\n"
                f"Content-Type: {multipart.CONTENT_TYPE}\r\n"
                "Content-Length: 1000000000000\r\nSec-Fetch-Site: same-origin\r\n"
                "\r\n"
            ).encode()
        )
        answer = conn.recv(200)
    assert answer.startswith(b"HTTP/1.1 413"), answer
    assert site.status("/en/tips/") == 200


@pytest.mark.parametrize("path", ["/en/" + "a" * 10_000, "/en/search/?q=" + "x" * 50_000])
def test_over_long_request_line(site, path):
    status, _ = request(site, "GET", path)
    assert 400 <= status < 500
    assert site.status("/en/") == 200


def test_forged_host(site):
    status, body = request(site, "GET", "/en/", headers={"Host": "evil.example"})
    assert status == 400 and b"evil.example" not in body


def test_flood_of_tip_submissions_is_limited_across_workers(site):
    statuses = []
    for _ in range(45):  # a new connection each time, as a flood script would
        status, _body = request(
            site,
            "POST",
            "/en/tips/send/",
            body=multipart.body({"mode": "flood"}),
            headers={**FORM_HEADERS, "Content-Type": multipart.CONTENT_TYPE},
        )
        statuses.append(status)
    assert set(statuses) <= {400, 429}  # empty/expired forms, then the limit; never a 500
    assert tip_counts(site) == (0, 0)
    assert statuses.count(400) <= 20, statuses
