"""``cronica extract``: an article's plain text on stdin, its entities and events as JSON
on stdout, read against the site's knowledge base (see docs/architecture.md, "Knowledge base", for the shape)."""

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cronica.dossier import knowledge
from cronica.dossier.extraction import extract

MAX_BYTES = 8_000_000


class Command(BaseCommand):
    help = "Read an article's plain text on stdin; write JSON of entities and events."
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--language",
            choices=["en", "es"],
            help="Language of the text (detected when not given).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        stream = options.get("stdin") or sys.stdin.buffer
        text = stream.read(MAX_BYTES + 1)
        if len(text) > MAX_BYTES:
            raise CommandError(f"input longer than {MAX_BYTES:,} bytes")
        if isinstance(text, bytes):
            try:
                text = text.decode("utf-8")
            except UnicodeDecodeError as error:
                raise CommandError(
                    f"stdin is not UTF-8 text ({error.reason} at byte {error.start})"
                ) from None
        if not text.strip():
            raise CommandError("no text on stdin")
        result = extract(text, knowledge.gazetteer(), language=options.get("language"))
        self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
