from django.apps import AppConfig


class ScrubbingConfig(AppConfig):
    """Metadata removal shared by the tip line and the editors' image library: one cleaner,
    one set of tests, so a fix reaches both."""

    name = "cronica.scrubbing"
    label = "scrubbing"
