from django.apps import AppConfig
from django.db.models.signals import post_migrate

# Editors read and moderate comments (the moderation queue asks for change_comment).
EDITOR_PERMISSIONS = ["comments.view_comment", "comments.change_comment"]


def _grant_permissions() -> None:
    from cronica.news.setup import EDITORS, grant

    grant(EDITORS, EDITOR_PERMISSIONS)


class CommentsConfig(AppConfig):
    """Reader comments: threaded, anonymous, moderated before they appear."""

    name = "cronica.comments"
    label = "comments"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from cronica.news.setup import after_migrate

        from . import kept_settings, targets  # noqa: F401 (connect the signals that keep them current)
        from .models import Comment
        from .threads import on_comment_change

        post_save.connect(on_comment_change, sender=Comment, dispatch_uid="comments-thread-save")
        post_delete.connect(on_comment_change, sender=Comment, dispatch_uid="comments-thread-del")

        post_migrate.connect(
            after_migrate(_grant_permissions),
            weak=False,
            dispatch_uid="cronica.comments.permissions",
        )
