"""``cronica worker``: background tasks and the clock, in one process.

Runs django-tasks-db's worker (in the main thread, which owns signal handling) and, in a
thread beside it, the periodic jobs that apps declare (scheduled publishing every 30
seconds, so a page scheduled for a given minute goes live within that minute).
"""

import threading
import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from cronica.core.clock import run_due


def _clock(tick: float) -> None:
    last_run: dict[str, float] = {}
    while True:
        run_due(last_run, time.monotonic())
        time.sleep(tick)


class Command(BaseCommand):
    help = "Run background tasks and periodic jobs (started by `cronica serve`)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--tick", type=float, default=5.0, help="seconds between checks for due periodic jobs"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        threading.Thread(target=_clock, args=(options["tick"],), daemon=True).start()
        call_command("db_worker", interval=1, verbosity=0)
