"""``cronica screen`` without the rest of the site: the light entry cronica/cli.py runs.

Setting up the whole site (Wagtail, the admin, every app's models and URLs) takes more
than a second, and scoring needs none of it: only the settings (the database, the
languages), this app's models (the newsroom's counts) and the shipped model file. So
this entry sets up Django with ``INSTALLED_APPS`` cut to this app before ``django.setup()``
and runs the same stream as the management command (stream.py); bench/screening_startup.py
measures the difference. On a database that has not been migrated yet the newsroom has
taught nothing, so comments are scored by the rules and the shipped model alone (said once
on stderr) instead of failing.
"""

import argparse
import sys
from collections.abc import Sequence

NEWSROOM_TABLES = {"screening_labelstat", "screening_tokenstat"}


def setup() -> None:
    """Django with the settings of the site and the screening app alone."""
    import django
    from django.conf import settings

    settings.INSTALLED_APPS = ["cronica.screening"]
    django.setup()


def _newsroom_ready() -> bool:
    from django.db import connection

    return set(connection.introspection.table_names()) >= NEWSROOM_TABLES


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="cronica screen",
        description="Score comments read as JSON lines on stdin; write one JSON line of "
        "scores each.",
    )
    parser.add_argument("--learn", metavar="FILE", help="learn from labeled JSON lines first")
    args = parser.parse_args(argv)
    setup()
    from . import stream

    newsroom = _newsroom_ready()
    if args.learn:
        if not newsroom:
            sys.exit("cronica screen: the database is not migrated (run `cronica migrate`)")
        try:
            count = stream.learn(args.learn)
        except stream.LearnFileError as error:
            sys.exit(f"cronica screen: {error}")
        print(f"learned from {count} labeled comments", file=sys.stderr)
        if sys.stdin.isatty():
            return 0
    elif not newsroom:
        print(
            "cronica screen: database not migrated; scoring without the newsroom's decisions",
            file=sys.stderr,
        )

    def write(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    stream.screen(stream.stdin_lines(), write, newsroom=newsroom)
    return 0
