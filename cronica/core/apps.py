from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Cross-cutting pieces every app uses: security headers, privacy-safe logging and
    rate limiting, the site context for templates."""

    name = "cronica.core"
    label = "core"
    periodic_jobs = [(30, "cronica.core.clock.publish_scheduled")]

    def ready(self) -> None:
        from . import site_lookup, view_restrictions

        site_lookup.connect()
        view_restrictions.connect()
