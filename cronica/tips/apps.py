from django.apps import AppConfig


class TipsConfig(AppConfig):
    """The anonymous tip line: codenames, scrubbing, streaming encryption, inbox."""

    name = "cronica.tips"
    label = "tips"
