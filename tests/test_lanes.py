"""The reading lane of `cronica serve`'s worker (cronica/core/lanes.py): through a real
`cronica serve` of one process and one thread per lane, a comment POST trickling its
body holds the only thread of the other lane, and readers, on new connections and kept
ones, are still answered; the POST then completes and is stored."""

import socket
import time

import pytest
import requests

from cronica.core.lanes import peek

from .test_inflight import SlowPost, article_site, comment_form, stored_bodies


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = article_site(tmp_path_factory.mktemp("lanes"), workers=1, threads=1)
    try:
        yield site
    finally:
        site.close()


def test_readers_are_answered_while_a_slow_post_holds_the_other_lane(site):
    kept = requests.Session()
    assert kept.get(site.url + site.article_url, timeout=30).status_code == 200
    action, body = comment_form(site, "QA-LANE-5e0d the convoy passed at 4:10")
    slow = SlowPost(site, action, body)  # answered 100 Continue: a thread has taken it
    for path in (site.article_url, "/en/", "/es/"):
        assert requests.get(site.url + path, timeout=10).status_code == 200  # new connection
        assert kept.get(site.url + path, timeout=10).status_code == 200  # kept alive
    answer = slow.finish()
    assert answer.startswith("HTTP/1.1 303"), answer
    assert "QA-LANE-5e0d the convoy passed at 4:10" in stored_bodies(site)


def test_peeking_leaves_the_request_for_the_parser():
    client, server = socket.socketpair()
    with client, server:
        assert peek(server) is None  # nothing arrived yet
        client.sendall(b"GET / HTTP/1.1\r\n\r\n")
        time.sleep(0.05)
        assert peek(server) == b"GET /"
        assert server.recv(100) == b"GET / HTTP/1.1\r\n\r\n"
        client.close()
        assert peek(server) == b""
