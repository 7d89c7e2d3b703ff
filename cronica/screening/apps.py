from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    """Spam, abuse, threat and doxxing scores for comments, learning from moderators."""

    name = "cronica.screening"
    label = "screening"
