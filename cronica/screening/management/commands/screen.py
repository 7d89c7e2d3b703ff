"""``cronica screen`` as a Django management command (``call_command("screen")``).

``cronica screen`` itself runs the light entry (cronica/screening/cli.py), which sets up
Django with this app alone; both run cronica/screening/stream.py, which documents the
input and output. ``--learn FILE`` first teaches the model from labelled JSON lines
(``{"text": ..., "spam": bool, "abuse": bool}``), for seeding a new site.
"""

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cronica.screening import stream
from cronica.screening.stream import MAX_TEXT_CHARS

__all__ = ["MAX_TEXT_CHARS", "Command"]


class Command(BaseCommand):
    help = "Score comments read as JSON lines on stdin; write one JSON line of scores each."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--learn", metavar="FILE", help="learn from labeled JSON lines before scoring"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["learn"]:
            try:
                count = stream.learn(options["learn"])
            except stream.LearnFileError as error:
                raise CommandError(str(error)) from error
            self.stderr.write(f"learned from {count} labeled comments")
            if sys.stdin.isatty():
                return

        def write(line: str) -> None:
            self.stdout.write(line)
            self.stdout.flush()

        stream.screen(stream.stdin_lines(), write)
