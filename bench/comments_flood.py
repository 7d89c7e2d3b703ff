"""Comment posting over HTTP, cronica vs Isso, and reads during the flood
(bench/README.md, "Comment flood vs Isso").

Usage: .venv/bin/python bench/comments_flood.py [--seconds 15] [--clients 16]

In one run, each server gets the same flood: CLIENTS threads posting comments back to back
over keep-alive HTTP for SECONDS, each post from a different reader (a different
X-Forwarded-For, as through the front proxy, so the per-client flood limit is not what is
measured):

- cronica on SQLite and on PostgreSQL: `cronica serve` as it starts by default (gunicorn,
  the embedded default with its page cache, no cap on requests with a body), and a second
  SQLite site with the opt-in cap (CRONICA_BODY_SLOTS=1) as a row of its own; the real
  reader form: POST /en/comments/post/<id>/ with the form's
  fields, answered 303; every comment screened and stored (held for moderation);
- Isso 0.13 (a Python comment server, installed from PyPI into its own venv under /tmp at
  bench time, never in the lock file) under gunicorn with the same workers and threads
  (gthread; cronica's worker has as many threads again for GET and HEAD only, so the
  POSTs get the same threads on both, cronica/core/lanes.py),
  POST /new?uri=... with JSON, answered 202 (held for moderation, like cronica); its
  spam guard is off.

Target: cronica >= 2x Isso (serve's default). Then, on each SQLite site, `wrk` reads the article (64
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

from page_cache import PG_URL, REPO, SEED, free_ports, wait_for, wrk

from tests.page_serving import PYTHON, p99_ms, requests_per_second, wrk_output

ISSO_VENV = Path(tempfile.gettempdir()) / "cronica-bench-isso-venv"
# What `cronica serve` picks by default where rate limits are shared (cronica/cli.py):
# 2 processes per core (4 to 8) x 2 threads, given to Isso too.
WORKERS, THREADS = str(min(8, max(4, 2 * (os.cpu_count() or 1)))), "2"
# Slow uploads held open in the last phase, per thread of the site: more than the threads,
# as the kernel spreads connections unevenly over the processes.
SLOW_PER_THREAD = 4


def site_env(data_dir, **extra):
    """The environment of a site of its own in ``data_dir`` (SQLite unless ``extra`` says
    otherwise, no Redis, real background tasks)."""
    drop = (
        "DJANGO_SETTINGS_MODULE",
        "DATABASE_URL",
        "REDIS_URL",
        "CRONICA_TASKS_BACKEND",
        "CRONICA_BODY_SLOTS",
    )
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update({"DJANGO_SETTINGS_MODULE": "cronica.settings", "CRONICA_DATA_DIR": str(data_dir)})
    env.update(extra)
    return env


def manage(env, *args):
    return subprocess.run(
        [PYTHON, "-m", "cronica.cli", *args],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )


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


def slow_uploads(port, action, count, stop):
    """``count`` clients each holding a comment POST open, sending its body a byte at a time
    (paced by a 2 s wait for an answer after each: a tip-line upload over a slow link, or an
    attacker); a client answered before its body is done (503 when the cap is full)
    reconnects a second later. Returns the status codes answered, filled in until ``stop``
    is set, and the client threads."""
    import socket

    answered = []

    def client(k):
        body = b"body=" + b"x" * 4000
        while not stop.is_set():
            try:
                sock = socket.create_connection(("127.0.0.1", port), timeout=2)
                sock.sendall(
                    (
                        f"POST {action} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                        "Content-Type: application/x-www-form-urlencoded\r\n"
                        # Fetch metadata of the reader form, so the view reads the body.
                        "Sec-Fetch-Site: same-origin\r\nOrigin: null\r\n"
                        f"Content-Length: {len(body)}\r\nX-Forwarded-For: 10.9.{k}.1\r\n\r\n"
                    ).encode()
                )
                for byte in body:
                    if stop.is_set():
                        break
                    sock.sendall(bytes([byte]))
                    try:
                        head = sock.recv(64)
                    except TimeoutError:  # no answer yet: keep trickling
                        continue
                    if head:
                        answered.append(int(head.split()[1]))
                    break
                sock.close()
            except OSError:
                pass
            stop.wait(1)

    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(count)]
    for t in threads:
        t.start()
    return answered, threads


def wrk_reads(url, seconds, connections):
    """(requests per second, p99 in ms or None, timeouts) of `wrk` with a 2 s timeout;
    unlike page_cache.wrk, also when nothing answered at all."""
    out = wrk_output(url, seconds, connections, "--timeout", "2s")
    timeouts = re.search(r"timeout (\d+)", out)
    return requests_per_second(out), p99_ms(out), int(timeouts.group(1)) if timeouts else 0


def comment_text(n):
    return f"Vecino {n}: the convoy went north past the toll booth at {n % 12 + 1}:{n % 60:02d}."


class CronicaSite:
    def __init__(self, tmp, name, database_url=None, body_slots=None):
        extra = {"CRONICA_BEHIND_PROXY": "1"}
        if database_url:
            extra["DATABASE_URL"] = database_url
        if body_slots is not None:  # unset: serve's default, no cap (core/inflight.py)
            extra["CRONICA_BODY_SLOTS"] = body_slots
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


def compare_posting(args, isso, sites):
    """Each of ``sites`` ({name: site}) and Isso flooded in turn; the ratio to Isso of
    each (the target is for serve's default, the capped site is its own row)."""
    rates = {}
    for name, server in (("isso", isso), *sites.items()):
        rate, failed = flood(server.port, server.request, args.seconds, args.clients)
        rates[name] = rate
        print(f"{name:22} {rate:8.1f} comments/s  ({failed} refused or failed)", flush=True)
    for name in sites:
        ratio = rates[name] / rates["isso"]
        print(f"{name} / isso: {ratio:.2f} (target >= 2: {'met' if ratio >= 2 else 'NOT met'})")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument(
        "--reads-only",
        action="store_true",
        help="only the reads during a flood and during slow uploads, with and without the cap",
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="cronica-bench-flood-"))
    pg_name = f"cronica_bench_flood_{uuid.uuid4().hex[:8]}"
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{pg_name}"')
    started = []
    try:
        # Serve's default (no cap on requests with a body), and the same site with the
        # opt-in cap of one slot of serve's two threads per process, measured apart.
        sqlite = CronicaSite(tmp, "sqlite")
        started.append(sqlite)
        capped = CronicaSite(tmp, "capped", body_slots="1")
        started.append(capped)
        print(
            f"{args.clients} clients, {args.seconds} s each, gunicorn {WORKERS} worker x "
            f"{THREADS} threads for all, load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        if not args.reads_only:
            postgres = CronicaSite(tmp, "postgres", PG_URL.rsplit("/", 1)[0] + "/" + pg_name)
            started.append(postgres)
            isso = Isso(tmp, sqlite.url)
            started.append(isso)
            compare_posting(
                args,
                isso,
                {
                    "cronica sqlite": sqlite,
                    "cronica pg": postgres,
                    "cronica sqlite, capped": capped,
                },
            )

        # Reads during a flood, then during slow uploads, on the two SQLite sites: serve's
        # default, then with the opt-in cap on requests with a body in flight
        # (cronica/core/inflight.py, CRONICA_BODY_SLOTS=1), one after the other.
        for label, site in (("default", sqlite), ("cap", capped)):
            wait_for(site.url)
            wait_for(site.url)
            quiet = wrk(site.url, args.seconds, 64)
            during = {}
            reader = threading.Thread(
                target=lambda site=site, during=during: during.update(
                    result=wrk(site.url, args.seconds, 64)
                )
            )
            reader.start()
            rate, failed = flood(site.port, site.request, args.seconds, args.clients)
            reader.join()
            loud = during["result"]
            ratio = loud[1] / quiet[1]
            print(
                f"[{label}] reads quiet:        {quiet[0]:8.0f} req/s  p99 {quiet[1]:7.1f} ms\n"
                f"[{label}] reads during flood: {loud[0]:8.0f} req/s  p99 {loud[1]:7.1f} ms"
                f"  (flood: {rate:.1f} comments/s, {failed} refused or failed)\n"
                f"[{label}] p99 ratio {ratio:.2f} "
                f"(target <= 1.5: {'met' if ratio <= 1.5 else 'NOT met'})",
                flush=True,
            )
            count = SLOW_PER_THREAD * int(WORKERS) * int(THREADS)
            stop = threading.Event()
            answered, clients = slow_uploads(site.port, site.action, count, stop)
            time.sleep(3)  # let them connect and start trickling
            rps, p99, timeouts = wrk_reads(site.url, args.seconds, 64)
            stop.set()
            for t in clients:
                t.join(timeout=10)
            codes = ", ".join(f"{c}: {answered.count(c)}" for c in sorted(set(answered)))
            shown = f"{p99:7.1f} ms" if p99 is not None else "   none"
            print(
                f"[{label}] reads during {count} slow uploads: {rps:8.0f} req/s  p99 {shown}"
                f"  ({timeouts} reads timed out at 2 s; uploads answered: {codes or 'none'})",
                flush=True,
            )
        print(f"load average at the end {os.getloadavg()[0]:.1f}")
    finally:
        for server in reversed(started):
            server.stop()
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
