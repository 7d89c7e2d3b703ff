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
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests

REPO = Path(__file__).resolve().parent.parent
STACK = REPO / "deploy" / "local-stack"
CANARY_UA = "CanaryStackAgent/2.1"

PUBLISH = """
from cronica.news.models import ArticlePage, HomePage, ArticleByline, Contributor
home = HomePage.objects.get()
writer, _ = Contributor.objects.get_or_create(pen_name="Sombra")
page = ArticlePage(title=%r, slug=%r, language="en", body=[("heading", "Seen")])
page.bylines.add(ArticleByline(contributor=writer))
home.add_child(instance=page)
page.save_revision().publish()
"""


def free_ports(count):
    """The first of ``count`` consecutive free ports on loopback."""
    for _attempt in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            first = s.getsockname()[1]
        sockets = []
        try:
            for port in range(first, first + count):
                sockets.append(socket.socket())
                sockets[-1].bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
        finally:
            for sock in sockets:
                sock.close()
    raise RuntimeError("no free ports")


@pytest.fixture(scope="module")
def stack():
    # nginx's workers run as an unprivileged user: the stack's directory must be reachable
    # for them, which pytest's own (0700) temporary directories are not.
    tmp_path = Path(tempfile.mkdtemp(prefix="cronica-stack-qa-"))
    tmp_path.chmod(0o755)
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        pytest.skip("runs in the PostgreSQL pass (DATABASE_URL=postgres://...)")
    if not (shutil.which("nginx") or os.geteuid() == 0):
        pytest.skip("needs nginx (the script installs it when run as root)")
    import psycopg

    name = f"cronica_stack_qa_{uuid.uuid4().hex[:10]}"
    parts = urlsplit(base)
    front = free_ports(4) + 1  # purge server, front, two app processes
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)},
        "CRONICA_STACK_PORT": str(front),
        "CRONICA_STACK_APP_PORT": str(front + 1),
        "CRONICA_STACK_APP_WORKERS": "1",
        "CRONICA_STACK_DIR": str(tmp_path / "stack"),
        "CRONICA_STACK_DATABASE_URL": urlunsplit(parts._replace(path=f"/{name}")),
        "CRONICA_STACK_REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
    }
    env.pop("CRONICA_TASKS_BACKEND", None)
    try:
        up = subprocess.run([str(STACK), "up"], env=env, timeout=600, capture_output=True)
        run_dir = tmp_path / "stack" / "run"
        logs = {p.name: p.read_text()[-2000:] for p in run_dir.glob("*.log")}
        assert up.returncode == 0, (up.stderr.decode()[-3000:], logs)
        yield env, f"http://127.0.0.1:{front}"
    finally:
        subprocess.run([str(STACK), "down"], env=env, timeout=120)
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(tmp_path, ignore_errors=True)


def manage(env, code):
    app_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "cronica.settings",
        "CRONICA_DATA_DIR": str(Path(env["CRONICA_STACK_DIR"]) / "data"),
        "DATABASE_URL": env["CRONICA_STACK_DATABASE_URL"],
        "REDIS_URL": env["CRONICA_STACK_REDIS_URL"],
        "CRONICA_CACHE_PREFIX": f"cronica-stack-{env['CRONICA_STACK_PORT']}",
        "CRONICA_SITE_URL": f"http://127.0.0.1:{env['CRONICA_STACK_PORT']}",
        "CRONICA_PURGE_URL": f"http://127.0.0.1:{int(env['CRONICA_STACK_PORT']) - 1}",
    }
    subprocess.run(
        [str(REPO / ".venv" / "bin" / "cronica"), "shell", "-c", code],
        env=app_env,
        check=True,
        capture_output=True,
        timeout=300,
    )


def get(url, **kwargs):
    response = requests.get(url, timeout=30, headers={"User-Agent": CANARY_UA}, **kwargs)
    return response, response.headers.get("X-Front-Cache")


def test_stack_serves_from_its_front_cache_and_purges_on_publish(stack):
    env, url = stack
    get(url + "/en/")
    home, state = get(url + "/en/")
    assert home.status_code == 200 and state == "HIT"
    assert "Set-Cookie" not in home.headers

    with_cookie, state = get(url + "/en/", cookies={"sessionid": "x"})
    assert with_cookie.status_code == 200 and state == "BYPASS"
    _search, state = get(url + "/en/search/?q=convoy")
    assert state == "BYPASS"

    manage(env, PUBLISH % ("QA-STACK-STORY airstrip found", "qa-stack-airstrip"))
    # The worker sends the PURGE (it polls its queue every second).
    deadline = time.monotonic() + 60
    while "QA-STACK-STORY" not in get(url + "/en/")[0].text:
        assert time.monotonic() < deadline, "the front cache kept the old home page"
        time.sleep(1)
    article, _state = get(url + "/en/qa-stack-airstrip/")
    assert article.status_code == 200
    assert get(url + "/en/qa-stack-airstrip/")[1] == "HIT"

    static = requests.get(url + "/static/comments/comments.css", timeout=30)
    assert static.status_code == 200

    run_dir = Path(env["CRONICA_STACK_DIR"]) / "run"
    for log in run_dir.glob("*.log"):
        text = log.read_text(errors="replace").replace("http://127.0.0.1:", "")
        assert "127.0.0.1" not in text, log
        assert CANARY_UA not in text, log


def test_down_leaves_nothing_listening(stack):
    env, url = stack
    assert get(url + "/en/")[0].status_code == 200
    subprocess.run([str(STACK), "down"], env=env, check=True, timeout=120)
    ports = [int(env["CRONICA_STACK_PORT"]) + d for d in (-1, 0, 1, 2)]
    for port in ports:
        with socket.socket() as s:
            assert s.connect_ex(("127.0.0.1", port)) != 0, port
