"""`deploy/local-stack up|down`: nginx with its page cache in front of two `cronica serve
--no-worker` processes, the worker, PostgreSQL and Redis, all on loopback on free ports.

Readers get pages from nginx's cache; a change made in the app (publishing here) is purged
from it through the loopback PURGE server by the worker, so the next read shows it; a
request with a cookie always reaches the app; no log holds the client's address; `down`
leaves nothing listening. Runs in the PostgreSQL pass of the suite (it needs PostgreSQL
and Redis, and nginx, which the script installs when run as root).
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from .page_serving import STACK, LocalStack, publish_code

CANARY_UA = "CanaryStackAgent/2.1"


@pytest.fixture(scope="module")
def stack():
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        pytest.skip("runs in the PostgreSQL pass (DATABASE_URL=postgres://...)")
    if not (shutil.which("nginx") or os.geteuid() == 0):
        pytest.skip("needs nginx (the script installs it when run as root)")
    # nginx's workers run as an unprivileged user: the stack's directory must be reachable
    # for them, which pytest's own (0700) temporary directories are not.
    tmp_path = Path(tempfile.mkdtemp(prefix="cronica-stack-qa-"))
    tmp_path.chmod(0o755)
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    stack = LocalStack(tmp_path, base, redis_url, app_workers=1)
    try:
        yield stack.up()
    finally:
        stack.down()
        shutil.rmtree(tmp_path, ignore_errors=True)


def get(url, headers=(), **kwargs):
    headers = {"User-Agent": CANARY_UA, **dict(headers)}
    response = requests.get(url, timeout=30, headers=headers, **kwargs)
    return response, response.headers.get("X-Front-Cache")


def test_stack_serves_from_its_front_cache_and_purges_on_publish(stack):
    url = stack.url
    get(url + "/en/")
    home, state = get(url + "/en/")
    assert home.status_code == 200 and state == "HIT"
    assert "Set-Cookie" not in home.headers

    with_cookie, state = get(url + "/en/", cookies={"sessionid": "x"})
    assert with_cookie.status_code == 200 and state == "BYPASS"
    _search, state = get(url + "/en/search/?q=convoy")
    assert state == "BYPASS"

    # Another name of the same site has its own copy (the front cache keys by host).
    alias = {"Host": f"localhost:{urlsplit(url).port}"}
    assert get(url + "/en/", headers=alias)[1] == "MISS"
    assert get(url + "/en/", headers=alias)[1] == "HIT"

    stack.manage(publish_code("QA-STACK-STORY airstrip found", "qa-stack-airstrip"))
    # The worker sends the PURGEs, one per host (it polls its queue every second).
    deadline = time.monotonic() + 60
    for headers in ({}, alias):
        while "QA-STACK-STORY" not in get(url + "/en/", headers=headers)[0].text:
            assert time.monotonic() < deadline, ("the front cache kept the old home", headers)
            time.sleep(1)
    article, _state = get(url + "/en/qa-stack-airstrip/")
    assert article.status_code == 200
    assert get(url + "/en/qa-stack-airstrip/")[1] == "HIT"

    static = requests.get(url + "/static/comments/comments.css", timeout=30)
    assert static.status_code == 200

    for log in stack.run_dir.glob("*.log"):
        text = log.read_text(errors="replace").replace("http://127.0.0.1:", "")
        assert "127.0.0.1" not in text, log
        assert CANARY_UA not in text, log


def test_down_leaves_nothing_listening(stack):
    assert get(stack.url + "/en/")[0].status_code == 200
    subprocess.run([str(STACK), "down"], env=stack.env, check=True, timeout=120)
    ports = [stack.port + d for d in (-1, 0, 1, 2)]
    for port in ports:
        with socket.socket() as s:
            assert s.connect_ex(("127.0.0.1", port)) != 0, port
