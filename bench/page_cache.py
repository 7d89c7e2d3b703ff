"""An article with 200 published comments under 64 concurrent readers (bench/README.md,
"Page cache"): requests per second and p99 latency with `wrk`, in one run, for

- nginx serving a saved copy of the page as a static file (the baseline), with the same
  http-level settings as the front cache (deploy/nginx/http.conf);
- the local production stack's front cache (deploy/local-stack: nginx proxy_cache in
  front of two `cronica serve --no-worker`, PostgreSQL, Redis); target >= 0.8 of static;
- `cronica serve` alone, the embedded default (SQLite, its page cache in the data
  directory); target >= 0.05 of static and p99 < 50 ms.

The three take turns, ``--rounds`` times, so that a change in the machine's load (two
cores shared with other work) falls on all of them alike; the figures are the medians.
``--serve WxT`` (repeatable) adds `cronica serve --workers W --threads T`, on an embedded
site of its own with the same article, to the turns, to compare serving set-ups with the
default in one run; for each `cronica serve` the CPU time its processes used per request
is printed too.

Usage: .venv/bin/python bench/page_cache.py [--seconds 10] [--rounds 3] [--connections 64]
                                            [--no-stack] [--serve 2x2 ...]
Needs `wrk` and nginx (Debian packages wrk, nginx-light, libnginx-mod-http-cache-purge),
PostgreSQL and Redis on loopback for the stack (BENCH_PG_URL, BENCH_REDIS_URL).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.durability.served_site import ServedSite  # noqa: E402 (the repository first)
from tests.page_serving import (  # noqa: E402
    REPO,
    LocalStack,
    free_ports,
    publish_code,
    until_cached,
    wait_for,
    wrk,
)

PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")

SEED = publish_code(
    "Capo captured at a ranch in Sinaloa",
    "bench-capo",
    pen_name="Bench",
    tags=("Sinaloa",),
    comments=200,
)

STATIC_CONF = """
worker_processes auto;
pid {run}/nginx.pid;
error_log {run}/error.log emerg;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    include {repo}/deploy/nginx/http.conf;
    client_body_temp_path {run}/cb; proxy_temp_path {run}/pt; fastcgi_temp_path {run}/ft;
    uwsgi_temp_path {run}/ut; scgi_temp_path {run}/st;
    server {{ listen 127.0.0.1:{port}; root {run}/www; }}
}}
"""


def group_cpu_seconds(session):
    """CPU time used so far by the processes of ``session`` (a `cronica serve` and its
    children: gunicorn's master and workers, the task worker)."""
    total = 0
    for proc in Path("/proc").iterdir():
        try:
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[3]) == session:
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


class Embedded:
    """`cronica serve` alone on an embedded site (SQLite, a copy of the migrated template
    of tests/durability/served_site.py) with the article: its default set-up, or
    ``--workers`` and ``--threads`` as given."""

    def __init__(self, tmp, workers=None, threads=None):
        self.site = ServedSite(Path(tempfile.mkdtemp(dir=tmp)), workers=workers, threads=threads)
        self.path = self.site.manage("shell", "-c", SEED).stdout.split()[-1]
        self.process = self.site.start().process
        self.url = self.site.url + self.path

    def stop(self):
        self.site.close()


class Stack:
    """deploy/local-stack on free ports, its own PostgreSQL database, Redis (BENCH_REDIS_URL)."""

    def __init__(self, tmp):
        self.stack = LocalStack(tmp, PG_URL, REDIS_URL).up()
        path = self.stack.manage(SEED).split()[-1]
        self.url = self.stack.url + path

    def stop(self):
        self.stack.down()


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
        conf.write_text(STATIC_CONF.format(run=self.run, repo=REPO, port=self.port))
        subprocess.run(["nginx", "-c", str(conf), "-p", str(self.run)], check=True)
        self.conf = conf
        self.url = f"http://127.0.0.1:{self.port}/article.html"
        wait_for(self.url)

    def stop(self):
        subprocess.run(["nginx", "-s", "quit", "-c", str(self.conf), "-p", str(self.run)])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--no-stack", action="store_true")
    parser.add_argument(
        "--serve",
        action="append",
        default=[],
        metavar="WxT",
        help="also `cronica serve --workers W --threads T`, e.g. 2x2",
    )
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            sys.exit(f"bench: needs {tool} (apt-get install wrk nginx-light)")
    tmp = Path(tempfile.mkdtemp(prefix="cronica-bench-cache-"))
    os.chmod(tmp, 0o755)
    started = []
    try:
        # The embedded site is SQLite without Redis, whatever the environment says.
        for name in ("DATABASE_URL", "REDIS_URL"):
            os.environ.pop(name, None)
        embedded = Embedded(tmp)
        started.append(embedded)
        body = until_cached(embedded.url, "X-Cronica-Cache", hits=3).content
        variants = {"cronica serve alone": embedded}
        for size in args.serve:
            workers, threads = (int(n) for n in size.lower().split("x"))
            variant = Embedded(tmp, workers, threads)
            started.append(variant)
            until_cached(variant.url, "X-Cronica-Cache", hits=3)
            variants[f"cronica serve {workers}x{threads}"] = variant
        static = StaticCopy(tmp, body)
        started.append(static)
        targets = {"static file (nginx)": static.url}
        if not args.no_stack:
            stack = Stack(tmp)
            started.append(stack)
            until_cached(stack.url, "X-Front-Cache", hits=3)
            targets["stack front cache"] = stack.url
        targets.update({name: variant.url for name, variant in variants.items()})
        print(
            f"page: {len(body) // 1024} KiB, {args.connections} connections, "
            f"{args.seconds} s each, {args.rounds} rounds, "
            f"load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        runs = {name: [] for name in targets}
        cpu = {name: [] for name in variants}
        for round_ in range(1, args.rounds + 1):
            for name, url in targets.items():
                served = variants.get(name)
                before = served and group_cpu_seconds(served.process.pid)
                runs[name].append(wrk(url, args.seconds, args.connections))
                rps, p99, _ = runs[name][-1]
                line = f"  round {round_}: {name:22} {rps:8.0f} req/s  p99 {p99:7.1f} ms"
                if served:
                    used = group_cpu_seconds(served.process.pid) - before
                    cpu[name].append(used / (rps * args.seconds) * 1e6)
                    line += f"  {cpu[name][-1]:4.0f} us CPU/request"
                print(f"{line}  load {os.getloadavg()[0]:.1f}", flush=True)
        print(f"medians of {args.rounds} rounds, load average {os.getloadavg()[0]:.1f}:")
        results = {
            name: (
                statistics.median(r[0] for r in rounds),
                statistics.median(r[1] for r in rounds),
                sum(r[2] for r in rounds),
            )
            for name, rounds in runs.items()
        }
        base = results["static file (nginx)"][0]
        for name, (rps, p99, errors) in results.items():
            note = f", {errors} non-2xx" if errors else ""
            if name in cpu:
                note += f", {statistics.median(cpu[name]):.0f} us CPU/request"
            print(
                f"{name:22} {rps:10.0f} req/s  p99 {p99:7.1f} ms  ratio {rps / base:.3f}{note}",
                flush=True,
            )
        if not args.no_stack:
            ratio = results["stack front cache"][0] / base
            print(f"target stack >= 0.8 of static: {'met' if ratio >= 0.8 else 'NOT met'}")
        for name in variants:
            rps, p99, _ = results[name]
            print(
                f"target {name} >= 0.05 of static: "
                f"{'met' if rps / base >= 0.05 else 'NOT met'}; "
                f"p99 < 50 ms: {'met' if p99 < 50 else 'NOT met'}"
            )
    finally:
        for thing in reversed(started):
            thing.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
