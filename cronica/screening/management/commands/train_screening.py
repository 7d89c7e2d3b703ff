"""``cronica train_screening``: rebuilds the shipped screening model from the corpora
(see cronica/screening/train.py and docs/screening-data.md)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cronica.screening import corpora, train


class Command(BaseCommand):
    help = "Retrain the screening model from the labelled corpora (reproducible)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--out", metavar="FILE", help="write the model here instead of the package"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        out = Path(options["out"]) if options["out"] else None
        try:
            train.main(out=out, log=lambda line: self.stderr.write(line))
        except corpora.CorpusMissing as error:
            raise CommandError(f"cannot train: {error}") from error
