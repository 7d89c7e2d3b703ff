"""``cronica screen``: scores JSON lines from stdin with the site's current model.

Input, one per line: ``{"text": "..."}``. Output, one per input line:
``{"spam": p, "abuse": p, "doxxing": p, "threat": p, "reasons": [...]}``. A line that is
not such an object, or whose text is longer than MAX_TEXT_CHARS, gets ``{"error": "..."}`` on its
output line, so outputs stay aligned with inputs. ``--learn FILE`` first teaches the model from labeled JSON lines
(``{"text": ..., "spam": bool, "abuse": bool}``), for seeding a new site.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from cronica.screening.scoring import learn_decision, score

# Ten times the longest comment the site accepts: anything longer is not a comment, and
# scoring it would stall the stream (scoring time grows with the text). A line may spell
# each character as a six-character JSON escape, hence the line's own bound.
MAX_TEXT_CHARS = 40_000
MAX_LINE_CHARS = 6 * MAX_TEXT_CHARS + 100


class Command(BaseCommand):
    help = "Score comments read as JSON lines on stdin; write one JSON line of scores each."

    def add_arguments(self, parser):
        parser.add_argument(
            "--learn", metavar="FILE", help="learn from labeled JSON lines before scoring"
        )

    def handle(self, *args, **options):
        if options["learn"]:
            self._learn(options["learn"])
            if sys.stdin.isatty():
                return
        out = self.stdout
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                if len(line) > MAX_LINE_CHARS:
                    raise ValueError(f"text longer than {MAX_TEXT_CHARS} characters")
                item = json.loads(line)
                if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                    raise ValueError('expected an object with a string "text"')
                if len(item["text"]) > MAX_TEXT_CHARS:
                    raise ValueError(f"text longer than {MAX_TEXT_CHARS} characters")
            except (ValueError, RecursionError) as error:
                out.write(json.dumps({"error": str(error)}))
                continue
            s = score(item["text"])
            out.write(
                json.dumps(
                    {
                        "spam": s.spam,
                        "abuse": s.abuse,
                        "doxxing": s.doxxing,
                        "threat": s.threat,
                        "reasons": s.reasons,
                    },
                    ensure_ascii=False,
                )
            )
            out.flush()

    def _learn(self, path):
        try:
            with open(path, encoding="utf-8") as f:
                items = [json.loads(line) for line in f if line.strip()]
        except (OSError, ValueError) as error:
            raise CommandError(f"cannot read {path}: {error}") from error
        for number, item in enumerate(items, 1):
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise CommandError(f'{path}:{number}: expected an object with a string "text"')
        for item in items:
            learn_decision(item["text"], spam=item.get("spam"), abuse=item.get("abuse"))
        self.stderr.write(f"learned from {len(items)} labeled comments")
