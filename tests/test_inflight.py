"""The cap on requests with a body in flight (cronica/core/inflight.py) through a real
`cronica serve` on loopback: one gunicorn process with four threads, so two body slots.

Two comment POSTs that trickle their bodies (raw sockets: headers with
``Expect: 100-continue``, whose ``100 Continue`` says a thread has taken the request, then
a few bytes) hold both slots; readers' GETs still answer, a third POST gets 503 with
``Retry-After`` and is not stored, the two slow comments, once their bodies are complete,
are accepted (303) and stored, and a normal POST works again. A body that stops arriving
is answered 408 after ``CRONICA_BODY_TIMEOUT`` and stores nothing.
"""

import socket
from urllib.parse import urlencode

import pytest
import requests

from .durability.served_site import FORM_HEADERS, ServedSite
from .durability.test_comment_survives_sigkill import form_of

BODY_TIMEOUT = 8

SETUP = """
from cronica.news.models import ArticlePage, HomePage, ArticleByline, Contributor
home = HomePage.objects.get()
writer, _ = Contributor.objects.get_or_create(pen_name="Sombra")
page = ArticlePage(title="Capo detained at dawn", slug="capo-detained", language="en",
                   summary="Marines detained him.", body=[("heading", "What happened")])
page.bylines.add(ArticleByline(contributor=writer))
home.add_child(instance=page)
page.save_revision().publish()
print(page.pk, page.url)
"""

BODIES = """
from cronica.comments.models import Comment
for c in Comment.objects.order_by("pk"):
    print(c.body)
"""


def article_site(directory, **options):
    """A started ``cronica serve`` with one article open for comments (SETUP)."""
    site = ServedSite(directory, **options)
    site.article_id, site.article_url = site.manage("shell", "-c", SETUP).stdout.split()[-2:]
    site.start()
    return site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = article_site(
        tmp_path_factory.mktemp("inflight"),
        extra_env={"CRONICA_BODY_TIMEOUT": str(BODY_TIMEOUT), "CRONICA_BODY_SLOTS": "2"},
        workers=1,
        threads=4,
    )
    try:
        yield site
    finally:
        site.close()


def comment_form(site, body):
    article = requests.get(site.url + site.article_url, timeout=30)
    assert article.status_code == 200
    action, fields = form_of(article.text, r"/en/comments/post/\d+/")
    fields.update(name="Vecino", body=body)
    return action, urlencode(fields).encode()


def post_form(site, action, body):
    """The comment form sent at once, as a browser without JavaScript would."""
    return requests.post(
        site.url + action,
        data=body,
        headers={**FORM_HEADERS, "Content-Type": "application/x-www-form-urlencoded"},
        allow_redirects=False,
        timeout=30,
    )


def stored_bodies(site):
    return site.manage("shell", "-c", BODIES).stdout.splitlines()


class SlowPost:
    """A POST over a raw socket whose body is sent in two parts, the rest only on
    ``finish()``; ``admitted`` once a server thread has taken it (``100 Continue``)."""

    def __init__(self, site, action, body, first=12):
        self.sock = socket.create_connection(("127.0.0.1", site.port), timeout=30)
        self.body, self.first = body, first
        head = [
            f"POST {action} HTTP/1.1",
            f"Host: 127.0.0.1:{site.port}",
            "Content-Type: application/x-www-form-urlencoded",
            f"Content-Length: {len(body)}",
            "Expect: 100-continue",
            *(f"{k}: {v}" for k, v in FORM_HEADERS.items()),
        ]
        self.sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
        assert self._read_until(b"\r\n\r\n").startswith(b"HTTP/1.1 100 Continue")
        self.sock.sendall(body[:first])

    def _read_until(self, end):
        data = b""
        while end not in data:
            chunk = self.sock.recv(4096)
            if not chunk:
                break
            data += chunk
        return data

    def finish(self):
        """The status line and headers of the answer once the whole body is sent."""
        self.sock.sendall(self.body[self.first :])
        return self.answer()

    def answer(self):
        try:
            return self._read_until(b"\r\n\r\n").decode("latin-1")
        finally:
            self.sock.close()

    def answer_and_close(self):
        """The whole answer, read until the server closes the connection."""
        try:
            return self._read_until(b"never sent").decode("latin-1")
        finally:
            self.sock.close()


def test_slow_bodies_leave_threads_for_readers_and_the_next_post_is_refused(site):
    before = stored_bodies(site)
    slow = []
    for n in range(2):
        action, body = comment_form(site, f"QA-SLOW-{n}-a91c the convoy passed at 4:1{n}")
        slow.append(SlowPost(site, action, body))

    # Both slots are held: readers are still answered, stored page or not.
    for path in (site.article_url, "/en/", "/es/"):
        assert requests.get(site.url + path, timeout=30).status_code == 200

    action, body = comment_form(site, "QA-REFUSED-77d2 sent while the slots were full")
    refused = post_form(site, action, body)
    assert refused.status_code == 503, refused.text[:500]
    assert refused.headers["Retry-After"].isdigit()
    assert refused.headers["Cache-Control"] == "no-store"
    assert "Nothing of yours was received" in refused.text

    # The slow comments were already taken: they complete and are kept.
    for post in slow:
        answer = post.finish()
        assert answer.startswith("HTTP/1.1 303"), answer
    action, body = comment_form(site, "QA-AFTER-4b1e posted once the slow ones were done")
    after = post_form(site, action, body)
    assert after.status_code == 303, after.text[:500]

    new = stored_bodies(site)[len(before) :]
    assert [b.split()[0] for b in new] == ["QA-SLOW-0-a91c", "QA-SLOW-1-a91c", "QA-AFTER-4b1e"]


def test_a_body_that_stops_arriving_gets_408_and_frees_its_slot(site):
    before = stored_bodies(site)
    action, body = comment_form(site, "QA-STALLED-c3e8 this body never arrives whole")
    stalled = SlowPost(site, action, body)
    # Nothing more is sent: the server gives up after BODY_TIMEOUT and closes.
    answer = stalled.answer_and_close()
    assert answer.startswith("HTTP/1.1 408"), answer
    assert answer.rstrip().endswith("no se guard\xc3\xb3 nada."), answer  # read as latin-1

    # Both slots are free again: two slow POSTs are taken, then completed.
    held = [
        SlowPost(site, *comment_form(site, f"QA-NEXT-{n}-0d5a after the stall")) for n in (0, 1)
    ]
    for post in held:
        assert post.finish().startswith("HTTP/1.1 303")
    new = stored_bodies(site)[len(before) :]
    assert [b.split()[0] for b in new] == ["QA-NEXT-0-0d5a", "QA-NEXT-1-0d5a"]
