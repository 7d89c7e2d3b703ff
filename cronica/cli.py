"""The ``cronica`` command (README, "The cronica command").

``cronica serve`` runs the production stack: gunicorn for the web, the django-tasks
database worker for background jobs, and the clock that fires periodic jobs such as
scheduled publishing. Every other word is a Django management command; ``import`` is
spelled ``import_content`` there because ``import`` is a Python keyword.
"""

import argparse
import os
import signal
import subprocess
import sys
import time
from types import FrameType

from cronica.core import datadir

ALIASES = {"import": "import_content"}


def _serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="cronica serve")
    parser.add_argument("--host", default=os.environ.get("CRONICA_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("CRONICA_PORT", "8000")))
    from django.conf import settings

    # Several processes by default: the rate limits and their daily key are shared by all
    # of them (Redis, or a tmpfs without it: cronica/core/sharedcache.py). Only where
    # neither exists does the embedded default keep to one process with several threads.
    # Two threads per process: a page-cache hit is about 200 us of gunicorn's Python, and
    # more threads in one process only queue for its interpreter lock, which made the
    # tail latency (bench/README.md, "Page cache"); four processes of two threads on two
    # cores answered 64 readers with a third to two thirds of the p99 of two processes of eight.
    shared = settings.CRONICA_SHARED_LIMITS
    default_workers = str(min(8, max(4, 2 * (os.cpu_count() or 1)))) if shared else "1"
    default_threads = "2" if shared else "8"
    parser.add_argument(
        "--workers", type=int, default=int(os.environ.get("CRONICA_WORKERS", default_workers))
    )
    parser.add_argument(
        "--threads", type=int, default=int(os.environ.get("CRONICA_THREADS", default_threads))
    )
    parser.add_argument(
        "--no-worker",
        action="store_true",
        help="serve the web only (run `cronica worker` elsewhere)",
    )
    args = parser.parse_args(argv)

    if args.workers > 1 and not shared:
        print(
            "cronica: several workers and no shared cache: each keeps its own rate limits",
            file=sys.stderr,
            flush=True,
        )
    exe = [sys.executable, "-m"]
    web = exe + [
        "gunicorn",
        "cronica.wsgi:application",
        "--bind",
        f"[{args.host}]:{args.port}" if ":" in args.host else f"{args.host}:{args.port}",
        "--workers",
        str(args.workers),
        "--threads",
        str(args.threads),
        # gunicorn's gthread worker with a lane of threads of its own for GET and HEAD, so
        # readers never queue behind comment POSTs or uploads (cronica/core/lanes.py).
        "--worker-class",
        "cronica.core.lanes.LaneWorker",
        # No access log, and no address in the error log: gunicorn writes "Invalid request
        # from ip=..." for malformed requests (docs/security.md).
        "--logger-class",
        "cronica.core.logging.AddresslessLogger",
        "--error-logfile",
        "-",
        "--log-level",
        "warning",
        "--timeout",
        "120",
        "--graceful-timeout",
        "20",
    ]
    commands = [web]
    if not args.no_worker:
        commands.append([sys.executable, "-m", "cronica.cli", "worker"])
    # The cap on requests with a body (cronica/core/inflight.py) is opt-in through
    # CRONICA_BODY_SLOTS: at one slot per process it answered 503 to ordinary concurrent
    # comment and tip POSTs, which the flood limits (429) are meant to judge.
    children = [subprocess.Popen(cmd) for cmd in commands]
    print(f"cronica: serving on http://{args.host}:{args.port}/", flush=True)

    def stop(signum: int | None, frame: FrameType | None) -> None:
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
    finally:
        stop(None, None)
        for child in children:
            try:
                child.wait(timeout=25)
            except subprocess.TimeoutExpired:
                child.kill()
    return max((child.returncode or 0) for child in children)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cronica.settings")
    # Owner-only files from here on, and the data directory with its keys (never created
    # by importing the settings).
    datadir.prepare()
    if argv and argv[0] == "init":
        print(f"cronica: data directory ready at {datadir.data_dir()}")
        return
    if argv and argv[0] == "serve":
        sys.exit(_serve(argv[1:]))
    if argv and argv[0] == "screen":
        # Scoring needs the settings and one app, not the whole site, whose set-up
        # alone takes longer than a second: cronica/screening/cli.py.
        from cronica.screening.cli import main as screen

        sys.exit(screen(argv[1:]))
    if argv:
        argv[0] = ALIASES.get(argv[0], argv[0])
    from django.core.management import execute_from_command_line

    execute_from_command_line(["cronica", *argv])


if __name__ == "__main__":
    main()
