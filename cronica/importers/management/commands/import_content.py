"""``cronica import blogger FILE`` and ``cronica import wxr FILE``.

A file that cannot be imported as a whole (hostile, truncated, the wrong kind) ends the
command with a message on stderr and a non-zero status, having written nothing.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cronica.importers.importer import import_file
from cronica.importers.records import ImportFileError


class Command(BaseCommand):
    help = (
        "Import posts, authors, labels and comments from a Blogger export (Atom: the "
        "legacy 'Back up content' file or Takeout's feed.atom) or a WordPress export "
        "(WXR). Running it again with the same file changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "format",
            choices=["blogger", "wxr"],
            help="blogger: Blogger Atom export; wxr: WordPress export",
        )
        parser.add_argument("file", help="path of the export file")
        parser.add_argument(
            "--no-download",
            action="store_true",
            help="keep every image as a link instead of downloading it",
        )
        parser.add_argument(
            "--allow-private-hosts",
            action="store_true",
            help="also download images from loopback and private network "
            "addresses (refused by default: an export is outside input)",
        )
        parser.add_argument(
            "--pen-name",
            action="append",
            default=[],
            metavar="NAME=PEN_NAME",
            help="publish what NAME wrote (posts and comment replies) under "
            "PEN_NAME, for authors whose old display name is their real "
            "name; repeat for each author",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bars on stderr")

    def handle(self, *args: Any, **options: Any) -> None:
        # The bars go to the stream behind self.stderr: Django's wrapper would append a
        # newline to every carriage-return update tqdm writes.
        renames = {}
        for pair in options["pen_name"]:
            old, _, new = pair.partition("=")
            if not old.strip() or not new.strip():
                raise CommandError(
                    f"--pen-name {pair!r}: expected NAME=PEN_NAME; nothing was imported"
                )
            renames[old.strip()] = new.strip()
        progress = None if options["no_progress"] else self.stderr._out
        try:
            summary = import_file(
                options["format"],
                options["file"],
                download_images=not options["no_download"],
                progress=progress,
                allow_private_hosts=options["allow_private_hosts"],
                renames=renames,
            )
        except ImportFileError as exc:
            raise CommandError(f"Nothing was imported. {exc}") from None
        for line in summary.lines():
            self.stdout.write(line)
