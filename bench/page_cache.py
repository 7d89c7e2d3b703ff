"""An article with 200 published comments under 64 concurrent readers (issue 12,
benchmarks 1 and 2): requests per second and p99 latency with `wrk`, in one run, for

- nginx serving a saved copy of the page as a static file (the baseline);
- the local production stack's front cache (deploy/local-stack: nginx proxy_cache in
  front of two `cronica serve --no-worker`, PostgreSQL, Redis); target >= 0.8 of static;
- `cronica serve` alone, the embedded default (SQLite, its page cache in the data
  directory); target >= 0.05 of static and p99 < 50 ms.

Usage: .venv/bin/python bench/page_cache.py [--seconds 10] [--connections 64] [--no-stack]
Needs `wrk` and nginx (Debian packages wrk, nginx-light, libnginx-mod-http-cache-purge),
PostgreSQL and Redis on loopback for the stack (BENCH_PG_URL, BENCH_REDIS_URL).
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = str(REPO / ".venv" / "bin" / "python")
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")

SEED = """
from datetime import timedelta
from django.utils import timezone
from cronica.comments.models import Comment
from cronica.news.models import ArticleByline, ArticlePage, Contributor, HomePage
home = HomePage.objects.get()
writer, _ = Contributor.objects.get_or_create(pen_name="Bench")
page = ArticlePage(title="Capo captured at a ranch in Sinaloa", slug="bench-capo", language="en",
                   summary="Marines detained him at dawn.", body=[("heading", "What happened")])
page.bylines.add(ArticleByline(contributor=writer))
page.tags.add("Sinaloa")
home.add_child(instance=page)
page.save_revision().publish()
bodies = ["The port has been theirs for years, everybody knows it.",
          "{ref} eso es lo que agarraron, imaginate lo que paso. https://example.org/nota",
          "Los marinos tomaron las aduanas y sigue igual.",
          "{ref} Never going to happen. They will send advisers and boats."]
start = timezone.now() - timedelta(days=1)
parent = None
for n in range(200):
    at = start + timedelta(minutes=n)
    ref = f"{timezone.localtime(at - timedelta(minutes=1)):%-I:%M}"
    c = Comment.objects.create(article=page, body=bodies[n % 4].format(ref=ref), created_at=at,
                               status=Comment.Status.PUBLISHED,
                               parent=None if n % 4 == 0 else parent)
    if n % 4 == 0:
        parent = c
print(page.url)
"""

STATIC_CONF = """
worker_processes auto;
pid {run}/nginx.pid;
error_log {run}/error.log emerg;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    default_type text/html;
    client_body_temp_path {run}/cb; proxy_temp_path {run}/pt; fastcgi_temp_path {run}/ft;
    uwsgi_temp_path {run}/ut; scgi_temp_path {run}/st;
    server {{ listen 127.0.0.1:{port}; root {run}/www; }}
}}
"""


def free_ports(count):
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
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read(), dict(response.headers)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def wrk(url, seconds, connections):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, float(p99.group(1)) * scale, int(errors.group(1)) if errors else 0


def site_env(data_dir, **extra):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    env.pop("CRONICA_TASKS_BACKEND", None)
    env.update({"DJANGO_SETTINGS_MODULE": "cronica.settings", "CRONICA_DATA_DIR": str(data_dir)})
    env.update(extra)
    return env


def manage(env, *args, **kwargs):
    return subprocess.run(
        [PYTHON, "-m", "cronica.cli", *args],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
        **kwargs,
    )


class Embedded:
    """`cronica serve` alone on a fresh SQLite data directory."""

    def __init__(self, tmp):
        self.port = free_ports(1)
        self.env = site_env(tmp / "embedded")
        manage(self.env, "migrate", "--noinput")
        self.path = manage(self.env, "shell", "-c", SEED).stdout.split()[-1]
        self.process = subprocess.Popen(
            [PYTHON, "-m", "cronica.cli", "serve", "--port", str(self.port)],
            env=self.env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{self.port}{self.path}"
        wait_for(self.url)

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=60)


class Stack:
    """deploy/local-stack on free ports, its own PostgreSQL database, Redis db 8."""

    def __init__(self, tmp):
        first = free_ports(4)
        self.port = first + 1
        self.db = f"cronica_bench_stack_{uuid.uuid4().hex[:8]}"
        self.env = {
            **{k: v for k, v in os.environ.items() if k != "CRONICA_TASKS_BACKEND"},
            "CRONICA_STACK_PORT": str(self.port),
            "CRONICA_STACK_DIR": str(tmp / "stack"),
            "CRONICA_STACK_DATABASE_URL": PG_URL.rsplit("/", 1)[0] + "/" + self.db,
            "CRONICA_STACK_REDIS_URL": REDIS_URL,
        }
        subprocess.run(
            [str(REPO / "deploy" / "local-stack"), "up"],
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        app = site_env(
            tmp / "stack" / "data",
            DATABASE_URL=self.env["CRONICA_STACK_DATABASE_URL"],
            REDIS_URL=REDIS_URL,
            CRONICA_CACHE_PREFIX=f"cronica-stack-{self.port}",
            CRONICA_SITE_URL=f"http://127.0.0.1:{self.port}",
            CRONICA_PURGE_URL=f"http://127.0.0.1:{self.port - 1}",
        )
        path = manage(app, "shell", "-c", SEED).stdout.split()[-1]
        self.url = f"http://127.0.0.1:{self.port}{path}"
        wait_for(self.url)

    def stop(self):
        import psycopg

        subprocess.run(
            [str(REPO / "deploy" / "local-stack"), "down"], env=self.env, stdout=subprocess.DEVNULL
        )
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.db}" WITH (FORCE)')


class StaticCopy:
    """nginx serving a saved copy of the page as a plain file."""

    def __init__(self, tmp, body):
        self.run = tmp / "static-nginx"
        (self.run / "www").mkdir(parents=True)
        (self.run / "www" / "article.html").write_bytes(body)
        os.chmod(self.run / "www" / "article.html", 0o644)
        for d in (self.run, self.run / "www", tmp):
            os.chmod(d, 0o755)
        self.port = free_ports(1)
        conf = self.run / "nginx.conf"
        conf.write_text(STATIC_CONF.format(run=self.run, port=self.port))
        subprocess.run(["nginx", "-c", str(conf), "-p", str(self.run)], check=True)
        self.conf = conf
        self.url = f"http://127.0.0.1:{self.port}/article.html"
        wait_for(self.url)

    def stop(self):
        subprocess.run(["nginx", "-s", "quit", "-c", str(self.conf), "-p", str(self.run)])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--no-stack", action="store_true")
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            sys.exit(f"bench: needs {tool} (apt-get install wrk nginx-light)")
    tmp = Path(tempfile.mkdtemp(prefix="cronica-bench-cache-"))
    os.chmod(tmp, 0o755)
    started = []
    try:
        embedded = Embedded(tmp)
        started.append(embedded)
        body, headers = wait_for(embedded.url)
        wait_for(embedded.url)  # now stored
        static = StaticCopy(tmp, body)
        started.append(static)
        if not args.no_stack:
            stack = Stack(tmp)
            started.append(stack)
            wait_for(stack.url)
        print(
            f"page: {len(body) // 1024} KiB, {args.connections} connections, "
            f"{args.seconds} s each, load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        results = {"static file (nginx)": wrk(static.url, args.seconds, args.connections)}
        if not args.no_stack:
            results["stack front cache"] = wrk(stack.url, args.seconds, args.connections)
        results["cronica serve alone"] = wrk(embedded.url, args.seconds, args.connections)
        base = results["static file (nginx)"][0]
        for name, (rps, p99, errors) in results.items():
            note = f", {errors} non-2xx" if errors else ""
            print(
                f"{name:22} {rps:10.0f} req/s  p99 {p99:7.1f} ms  ratio {rps / base:.3f}{note}",
                flush=True,
            )
        if not args.no_stack:
            ratio = results["stack front cache"][0] / base
            print(f"target stack >= 0.8 of static: {'met' if ratio >= 0.8 else 'NOT met'}")
        rps, p99, _ = results["cronica serve alone"]
        print(
            f"target serve >= 0.05 of static: {'met' if rps / base >= 0.05 else 'NOT met'}; "
            f"p99 < 50 ms: {'met' if p99 < 50 else 'NOT met'}"
        )
    finally:
        for thing in reversed(started):
            thing.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
