from django.apps import AppConfig


class CommentsConfig(AppConfig):
    """Reader comments: threaded, anonymous, moderated before they appear."""

    name = "cronica.comments"
    label = "comments"
