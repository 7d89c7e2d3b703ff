"""Serving a site's pages over loopback, shared by the page-cache tests
(tests/test_local_stack.py, tests/test_pagecache.py) and bench/page_cache.py: free ports,
waiting for a server, waiting for a page to come from its cache, an article published
through `cronica shell`, the local production stack (deploy/local-stack) on free ports
with a database of its own, and `wrk`.
"""

import os
import re
import socket
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
PYTHON = str(REPO / ".venv" / "bin" / "python")
STACK = REPO / "deploy" / "local-stack"


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


def wait_for(url, seconds=120):
    """(body, headers) of the first answer from ``url`` within ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read(), dict(response.headers)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def until_cached(url, header, hits=1, seconds=60):
    """The answer from ``url`` (a `requests` response) once it came from its cache, as
    ``header`` says ("hit", any case), ``hits`` times running: after publishing, the worker
    links the new article and purges its page, which a first hit does not rule out."""
    import requests

    streak, deadline = 0, time.monotonic() + seconds
    while True:
        response = requests.get(url, timeout=30, allow_redirects=False)
        streak = streak + 1 if response.headers.get(header, "").lower() == "hit" else 0
        if streak >= hits:
            return response
        if time.monotonic() > deadline:
            raise AssertionError((url, response.status_code, dict(response.headers)))
        time.sleep(0.5)


def publish_code(title, slug, *, pen_name="Sombra", tags=(), comments=0):
    """`cronica shell` code that publishes an English article under the home page, with
    ``comments`` published comments (threads of a comment and three replies, an hour
    apart), and prints its path."""
    return f"""
from datetime import timedelta
from django.utils import timezone
from cronica.comments.models import Comment
from cronica.news.models import ArticleByline, ArticlePage, Contributor, HomePage
home = HomePage.objects.get()
writer, _ = Contributor.objects.get_or_create(pen_name={pen_name!r})
page = ArticlePage(title={title!r}, slug={slug!r}, language="en",
                   summary="Marines detained him at dawn.", body=[("heading", "What happened")])
page.bylines.add(ArticleByline(contributor=writer))
for tag in {list(tags)!r}:
    page.tags.add(tag)
home.add_child(instance=page)
page.save_revision().publish()
bodies = ["The port has been theirs for years, everybody knows it.",
          "{{ref}} eso es lo que agarraron, imaginate lo que paso. https://example.org/nota",
          "Los marinos tomaron las aduanas y sigue igual.",
          "{{ref}} Never going to happen. They will send advisers and boats."]
start = timezone.now() - timedelta(days=1)
parent = None
for n in range({int(comments)}):
    at = start + timedelta(minutes=n)
    ref = f"{{timezone.localtime(at - timedelta(minutes=1)):%-I:%M}}"
    c = Comment.objects.create(article=page, body=bodies[n % 4].format(ref=ref), created_at=at,
                               status=Comment.Status.PUBLISHED,
                               parent=None if n % 4 == 0 else parent)
    if n % 4 == 0:
        parent = c
print(page.url)
"""


class LocalStack:
    """`deploy/local-stack` on four consecutive free ports (PURGE, front, the apps), in
    ``directory``, with a PostgreSQL database of its own made next to ``database_url``'s
    (dropped by ``down``) and Redis at ``redis_url``."""

    def __init__(self, directory, database_url, redis_url, app_workers=None):
        self.port = free_ports(4) + 1
        self.database = f"cronica_stack_{uuid.uuid4().hex[:10]}"
        self._server = urlsplit(database_url)
        self.env = {
            **{
                k: v
                for k, v in os.environ.items()
                if k not in ("DJANGO_SETTINGS_MODULE", "CRONICA_TASKS_BACKEND")
            },
            "CRONICA_STACK_PORT": str(self.port),
            "CRONICA_STACK_APP_PORT": str(self.port + 1),
            "CRONICA_STACK_DIR": str(Path(directory) / "stack"),
            "CRONICA_STACK_DATABASE_URL": urlunsplit(
                self._server._replace(path=f"/{self.database}")
            ),
            "CRONICA_STACK_REDIS_URL": redis_url,
        }
        if app_workers:
            self.env["CRONICA_STACK_APP_WORKERS"] = str(app_workers)
        self.url = f"http://127.0.0.1:{self.port}"
        self.run_dir = Path(self.env["CRONICA_STACK_DIR"]) / "run"

    def up(self):
        """Starts the stack; a failure says why, with the end of every log."""
        up = subprocess.run([str(STACK), "up"], env=self.env, timeout=600, capture_output=True)
        logs = {p.name: p.read_text()[-2000:] for p in self.run_dir.glob("*.log")}
        assert up.returncode == 0, (up.stderr.decode()[-3000:], logs)
        return self

    def stop(self):
        subprocess.run([str(STACK), "down"], env=self.env, timeout=120, capture_output=True)

    def down(self):
        """Stops the stack and drops its database."""
        import psycopg

        self.stop()
        admin = urlunsplit(self._server._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')

    def manage(self, code):
        """Runs ``code`` in `cronica shell` as one of the stack's apps; its output."""
        app_env = {
            **self.env,
            "DJANGO_SETTINGS_MODULE": "cronica.settings",
            "CRONICA_DATA_DIR": str(Path(self.env["CRONICA_STACK_DIR"]) / "data"),
            "DATABASE_URL": self.env["CRONICA_STACK_DATABASE_URL"],
            "REDIS_URL": self.env["CRONICA_STACK_REDIS_URL"],
            "CRONICA_CACHE_PREFIX": f"cronica-stack-{self.port}",
            "CRONICA_SITE_URL": self.url,
            "CRONICA_PURGE_URL": f"http://127.0.0.1:{self.port - 1}",
        }
        return subprocess.run(
            [PYTHON, "-m", "cronica.cli", "shell", "-c", code],
            env=app_env,
            cwd=REPO,
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        ).stdout


def wrk_output(url, seconds, connections, *options):
    """What `wrk -t2 --latency` prints against ``url`` (``options``: more wrk flags)."""
    return subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", *options, "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def requests_per_second(out):
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def p99_ms(out):
    """The p99 latency wrk printed, in ms; None when nothing was answered."""
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    if p99 is None:
        return None
    return float(p99.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]


def wrk(url, seconds, connections):
    """(requests per second, p99 in ms, non-2xx/3xx answers) of `wrk -t2` against ``url``."""
    out = wrk_output(url, seconds, connections)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return requests_per_second(out), p99_ms(out), int(errors.group(1)) if errors else 0
