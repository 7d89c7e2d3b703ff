"""``cronica demo``: loads the demo newsroom.

Each app that has demo data exposes ``load(stdout)`` in a ``demo`` module; they run in
INSTALLED_APPS order (news first, so the articles exist before what links to them).
"""

from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the demo newsroom (safe to run again)."

    def handle(self, *args: Any, **options: Any) -> None:
        for config in apps.get_app_configs():
            if not config.name.startswith("cronica."):
                continue
            module_name = f"{config.name}.demo"
            if find_spec(module_name) is None:
                continue
            import_module(module_name).load(self.stdout)
