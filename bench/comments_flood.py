"""Comment posting over HTTP, cronica vs Isso, and reads during the flood
(bench/README.md, "Comment flood vs Isso").

Usage: .venv/bin/python bench/comments_flood.py [--seconds 15] [--clients 16]

In one run, each server gets the same flood: CLIENTS threads posting comments back to back
over keep-alive HTTP for SECONDS, each post from a different reader (a different
X-Forwarded-For, as through the front proxy, so the per-client flood limit is not what is
measured):

- cronica on SQLite and on PostgreSQL: `cronica serve` (gunicorn, the embedded default
  with its page cache), the real reader form: POST /en/comments/post/<id>/ with the form's
  fields, answered 303; every comment screened and stored (held for moderation);
- Isso 0.13 (a Python comment server, installed from PyPI into its own venv under /tmp at
  bench time, never in the lock file) under gunicorn with the same workers and threads,
  POST /new?uri=... with JSON, answered 202 (held for moderation, like cronica); its
  spam guard is off.

Target: cronica >= 2x Isso. Then, on the SQLite site, `wrk` reads the article (64
connections) once quietly and once during a flood; target: p99 during the flood within
1.5x of the quiet p99.
"""

import argparse
import html
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from page_cache import PG_URL, PYTHON, REPO, SEED, free_ports, manage, site_env, wait_for, wrk

ISSO_VENV = Path(tempfile.gettempdir()) / "cronica-bench-isso-venv"
# What `cronica serve` picks by default where rate limits are shared (cronica/cli.py),
# given to Isso too: the same processes and threads for both.
WORKERS, THREADS = str(min(4, max(2, os.cpu_count() or 1))), "8"


def flood(port, make_request, seconds, clients):
    """CLIENTS threads sending ``make_request(n)`` -> (method, path, body, headers) for
    SECONDS; returns (successes per second, failures)."""
    done, failed = [0], [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(k):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        n = 0
        while time.monotonic() < stop_at:
            method, path, body, headers = make_request(k * 1_000_000 + n)
            n += 1
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status in (201, 202, 303)  # Isso: 202 when held
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                ok = False
            with lock:
                if ok:
                    done[0] += 1
                else:
                    failed[0] += 1
        conn.close()

    start = time.monotonic()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return done[0] / (time.monotonic() - start), failed[0]


def comment_text(n):
    return f"Vecino {n}: the convoy went north past the toll booth at {n % 12 + 1}:{n % 60:02d}."


class CronicaSite:
    def __init__(self, tmp, name, database_url=None):
        extra = {"CRONICA_BEHIND_PROXY": "1"}
        if database_url:
            extra["DATABASE_URL"] = database_url
        self.env = site_env(tmp / name, **extra)
        manage(self.env, "migrate", "--noinput")
        self.path = manage(self.env, "shell", "-c", SEED).stdout.split()[-1]
        self.port = free_ports(1)
        self.process = subprocess.Popen(
            [PYTHON, "-m", "cronica.cli", "serve", "--port", str(self.port)]
            + ["--workers", WORKERS, "--threads", THREADS],
            env=self.env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{self.port}{self.path}"
        page = wait_for(self.url)[0].decode()
        form = re.search(r'<form[^>]*action="(/en/comments/post/\d+/)"(.*?)</form>', page, re.S)
        self.action = form.group(1)
        self.fields = {}
        for tag in re.findall(r"<(?:input|textarea)\b[^>]*>", form.group(2)):
            field = re.search(r'name="([^"]+)"', tag)
            value = re.search(r'value="([^"]*)"', tag)
            if field:
                self.fields[field.group(1)] = html.unescape(value.group(1)) if value else ""

    def request(self, n):
        from urllib.parse import urlencode

        body = urlencode({**self.fields, "name": "", "body": comment_text(n), "website": ""})
        return (
            "POST",
            self.action,
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Sec-Fetch-Site": "same-origin",
                "Origin": "null",
                "X-Forwarded-For": f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}",
            },
        )

    def stop(self):
        import signal

        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=60)


class Isso:
    def __init__(self, tmp, origin_url):
        if not (ISSO_VENV / "bin" / "isso").exists():
            subprocess.run([sys.executable, "-m", "venv", str(ISSO_VENV)], check=True)
            subprocess.run(
                [str(ISSO_VENV / "bin" / "pip"), "install", "-q", "isso==0.13.0", "gunicorn"],
                check=True,
            )
        self.port = free_ports(1)
        origin = origin_url.split("/en/")[0]
        self.uri = "/en/" + origin_url.split("/en/", 1)[1]
        conf = tmp / "isso.cfg"
        conf.write_text(
            f"[general]\ndbpath = {tmp / 'isso.db'}\nhost = {origin}\n"
            "[moderation]\nenabled = true\n"
            "[guard]\nenabled = false\n"
            f"[server]\nlisten = http://127.0.0.1:{self.port}/\n"
        )
        self.origin = origin
        env = {**os.environ, "ISSO_SETTINGS": str(conf)}
        self.process = subprocess.Popen(
            [str(ISSO_VENV / "bin" / "gunicorn"), "isso.run", "-b", f"127.0.0.1:{self.port}"]
            + ["--workers", WORKERS, "--threads", THREADS, "--worker-class", "gthread"]
            + ["--error-logfile", "/dev/null"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for(f"http://127.0.0.1:{self.port}/info")

    def request(self, n):
        body = json.dumps({"text": comment_text(n), "author": None, "email": None})
        return (
            "POST",
            f"/new?uri={self.uri}",
            body,
            {"Content-Type": "application/json", "Origin": self.origin, "Referer": self.origin},
        )

    def stop(self):
        import signal

        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=60)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="cronica-bench-flood-"))
    pg_name = f"cronica_bench_flood_{uuid.uuid4().hex[:8]}"
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{pg_name}"')
    started = []
    try:
        sqlite = CronicaSite(tmp, "sqlite")
        started.append(sqlite)
        postgres = CronicaSite(tmp, "postgres", PG_URL.rsplit("/", 1)[0] + "/" + pg_name)
        started.append(postgres)
        isso = Isso(tmp, sqlite.url)
        started.append(isso)
        print(
            f"{args.clients} clients, {args.seconds} s each, gunicorn {WORKERS} worker x "
            f"{THREADS} threads for all, load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        rates = {}
        for name, server in (("isso", isso), ("cronica sqlite", sqlite), ("cronica pg", postgres)):
            rate, failed = flood(server.port, server.request, args.seconds, args.clients)
            rates[name] = rate
            print(f"{name:15} {rate:8.1f} comments/s  ({failed} failed)", flush=True)
        for name in ("cronica sqlite", "cronica pg"):
            ratio = rates[name] / rates["isso"]
            print(f"{name} / isso: {ratio:.2f} (target >= 2: {'met' if ratio >= 2 else 'NOT met'})")

        wait_for(sqlite.url)
        wait_for(sqlite.url)
        quiet = wrk(sqlite.url, args.seconds, 64)
        during = {}
        reader = threading.Thread(
            target=lambda: during.update(result=wrk(sqlite.url, args.seconds, 64))
        )
        reader.start()
        flood(sqlite.port, sqlite.request, args.seconds, args.clients)
        reader.join()
        loud = during["result"]
        ratio = loud[1] / quiet[1]
        print(
            f"reads quiet:        {quiet[0]:8.0f} req/s  p99 {quiet[1]:7.1f} ms\n"
            f"reads during flood: {loud[0]:8.0f} req/s  p99 {loud[1]:7.1f} ms\n"
            f"p99 ratio {ratio:.2f} (target <= 1.5: {'met' if ratio <= 1.5 else 'NOT met'})"
        )
    finally:
        for server in reversed(started):
            server.stop()
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
