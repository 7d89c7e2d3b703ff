"""What only a real `cronica serve` shows (docs/security.md, "Addresses, times and sizes"):
gunicorn's own complaints about malformed requests name no client; a limit of 5 holds
across its several worker processes without Redis; and behind a shared address (every
onion visitor is 127.0.0.1) a flood of wrong codenames does not lock a real source out."""

import html
import os
import re
import secrets
import socket
from pathlib import Path

import pyrage
import pytest
import requests

from cronica.core import proofofwork
from tests.durability.served_site import FORM_HEADERS, ServedSite

CLIENT = "127.0.0.3"

ARTICLE = """
from cronica.news.models import ArticlePage, HomePage, ArticleByline, Contributor
home = HomePage.objects.get()
writer, _ = Contributor.objects.get_or_create(pen_name="Sombra")
page = ArticlePage(title="Limits", slug="limits", language="en", summary="s",
                   body=[("heading", "h")])
page.bylines.add(ArticleByline(contributor=writer))
home.add_child(instance=page)
page.save_revision().publish()
print(page.pk)
"""


def _site(tmp_path_factory, name, **env):
    identity = pyrage.x25519.Identity.generate()
    served = ServedSite(
        tmp_path_factory.mktemp(name),
        workers=None,  # `cronica serve`'s own default
        extra_env={"CRONICA_TIPS_RECIPIENTS": str(identity.to_public()), **env},
    )
    return served


@pytest.fixture(scope="module")
def onion_site(tmp_path_factory):
    """Every client is loopback, as behind the documented onion service."""
    served = _site(tmp_path_factory, "onion", CRONICA_POW_BITS="8")
    try:
        yield served.start("/en/tips/")
    finally:
        served.close()


@pytest.fixture(scope="module")
def addressed_site(tmp_path_factory):
    """Clients told apart by address (CRONICA_SHARED_ADDRESS=never), with an article."""
    served = _site(tmp_path_factory, "addressed", CRONICA_SHARED_ADDRESS="never")
    served.article_id = served.manage("shell", "-c", ARTICLE).stdout.split()[-1]
    try:
        yield served.start()
    finally:
        served.close()


def raw(site, data, source_port):
    with socket.create_connection(
        ("127.0.0.1", site.port), timeout=30, source_address=(CLIENT, source_port)
    ) as conn:
        conn.sendall(data)
        return conn.recv(200)


def free_source_port():
    with socket.socket() as s:
        s.bind((CLIENT, 0))
        return s.getsockname()[1]


def test_malformed_and_oversized_requests_leave_no_address_anywhere(onion_site):
    site = onion_site
    ports = [free_source_port(), free_source_port()]
    answers = [
        raw(site, b"GARBAGE\x01 / HTTP/1.1\r\n\r\n", ports[0]),
        raw(site, b"GET /en/search/?q=" + b"x" * 50_000 + b" HTTP/1.1\r\n\r\n", ports[1]),
    ]
    assert all(a.startswith(b"HTTP/1.1 4") for a in answers), answers
    assert site.status("/en/") == 200  # and the log has been written by now
    log = site.log_path.read_text()
    assert "Invalid request from ip=[address removed]:" in log  # it did complain
    for path, data in [(site.log_path, log.encode()), *site.every_byte_on_disk()]:
        assert CLIENT.encode() not in data, path
        for port in ports:
            assert not re.search(rb"(?<!\d)%d(?!\d)" % port, data), (path, port)


def _gunicorn_workers(site):
    """Processes of the site's session that are gunicorn workers (not the master)."""
    session = os.getsid(site.process.pid)
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat[3]) == session and b"gunicorn" in cmdline:
            found.append((int(proc.name), int(stat[1])))
    pids = {pid for pid, _ in found}
    return [pid for pid, parent in found if parent in pids]


def test_a_limit_of_five_holds_across_workers_without_redis(addressed_site):
    site = addressed_site
    assert "REDIS_URL" not in site.env
    assert len(_gunicorn_workers(site)) >= 2  # several processes by default
    statuses = []
    for n in range(12):  # a new connection each time, as a flood script would
        response = requests.post(
            f"{site.url}/en/comments/post/{site.article_id}/",
            data={"name": "", "body": f"comment number {n} about the convoy"},
            headers=FORM_HEADERS,
            allow_redirects=False,
            timeout=30,
        )
        statuses.append(response.status_code)
    assert statuses.count(303) == 5 and statuses.count(429) == 7, statuses


def form_fields(page, action):
    form = re.search(r'<form[^>]*action="%s"([^>]*)>(.*?)</form>' % action, page, re.S)
    fields = {
        name: html.unescape(value)
        for name, value in re.findall(r'name="([^"]+)" value="([^"]*)"', form.group(2))
    }
    challenge = html.unescape(re.search(r'data-work-challenge="([^"]+)"', form.group(1))[1])
    return fields, challenge


def wrong_codename():
    return " ".join(secrets.choice(["acorn", "bison", "cobalt", "dune"]) for _ in range(8))


def test_a_flood_of_wrong_codenames_does_not_lock_a_real_source_out(onion_site):
    site = onion_site
    url = site.url
    page = requests.get(f"{url}/en/tips/new/", timeout=30).text
    fields, _challenge = form_fields(page, "/en/tips/send/")
    codename = fields["codename_shown"]
    first = requests.post(
        f"{url}/en/tips/send/",
        data={**fields, "mode": "new", "codename": codename, "message": "first tip"},
        headers=FORM_HEADERS,
        timeout=60,
    )
    assert first.status_code == 200 and "first tip" not in first.text

    def open_with(codename, work=None):
        return requests.post(
            f"{url}/en/tips/return/",
            params=work or {},
            data={"codename": codename},
            headers=FORM_HEADERS,
            timeout=60,
        )

    # More wrong codenames than the old per-address lockout (30 an hour) allowed.
    flood = [open_with(wrong_codename()).status_code for _ in range(40)]
    assert set(flood) == {400}, flood
    assert open_with(codename).status_code == 200  # a source without JavaScript gets in

    def use_up_the_no_work_budget():
        for _ in range(100):
            if open_with(wrong_codename()).status_code == 429:
                return
        pytest.fail("the no-work budget never ran out")

    # A flood that uses up the budget of requests without work holds those back...
    use_up_the_no_work_budget()
    # ...but a source whose browser did the work still gets in, once per solved challenge.
    _fields, challenge = form_fields(requests.get(f"{url}/en/tips/return/").text, "")
    work = {"work_challenge": challenge, "work_nonce": proofofwork.solve(challenge)}
    opened = open_with(codename, work)
    assert opened.status_code == 200 and "first tip" not in opened.text
    # A spent solution counts as no work: with that budget used up (again, since its
    # one-minute window may have turned on a loaded machine) it is held back.
    use_up_the_no_work_budget()
    assert open_with(codename, work).status_code == 429

    # What the source sends now is acknowledged and kept, next to the first tip.
    fields, challenge = form_fields(opened.text, "/en/tips/send/")
    work = {"work_challenge": challenge, "work_nonce": proofofwork.solve(challenge)}
    sent = requests.post(
        f"{url}/en/tips/send/",
        params=work,
        data={**fields, "mode": "return", "codename": codename, "message": "second tip"},
        headers=FORM_HEADERS,
        timeout=60,
    )
    assert sent.status_code == 200, sent.text[:500]
    counts = site.manage(
        "shell",
        "-c",
        "from cronica.tips.models import Source, Submission\n"
        "print(Source.objects.count(), Submission.objects.filter(pending=False).count())",
    )
    assert counts.stdout.split()[-2:] == ["1", "2"]
