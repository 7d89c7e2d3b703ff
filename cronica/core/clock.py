"""Periodic jobs, declared by each app on its AppConfig.

An app that needs something done on a schedule sets ``periodic_jobs`` on its AppConfig to
a list of ``(seconds, "dotted.path.to.callable")``; ``cronica worker`` calls each one at
that interval. Keeping the schedule with the app that owns the job means no central list
to edit when an app is added.
"""

import logging

from django.apps import apps
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def declared_jobs() -> list[tuple[float, str]]:
    jobs: list[tuple[float, str]] = []
    for config in apps.get_app_configs():
        for seconds, dotted in getattr(config, "periodic_jobs", ()):
            jobs.append((seconds, dotted))
    return jobs


def run_due(last_run: dict[str, float], now: float) -> dict[str, float]:
    """Runs every job whose interval has elapsed; returns the updated ``last_run``."""
    for seconds, dotted in declared_jobs():
        previous = last_run.get(dotted)
        if previous is None or now - previous >= seconds:  # every job runs at start-up
            last_run[dotted] = now
            try:
                import_string(dotted)()
            except Exception:  # one failing job must not stop the others
                logger.exception("periodic job %s failed", dotted)
    return last_run


def publish_scheduled() -> None:
    """Publishes pages whose go-live time has passed and unpublishes expired ones."""
    from django.core.management import call_command

    call_command("publish_scheduled", verbosity=0)
