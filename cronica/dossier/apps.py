from django.apps import AppConfig
from django.db.models.signals import post_migrate

# Editors curate the knowledge base and review what the linker suggested.
EDITOR_PERMISSIONS = [
    "dossier.add_entity",
    "dossier.change_entity",
    "dossier.delete_entity",
    "dossier.view_entity",
    "dossier.view_mention",
    "dossier.change_mention",
    "dossier.view_event",
    "dossier.change_event",
]


def _grant_permissions() -> None:
    from cronica.news.setup import EDITORS, grant

    grant(EDITORS, EDITOR_PERMISSIONS)


class DossierConfig(AppConfig):
    """The knowledge base: entities, aliases, relations, linker and event extraction."""

    name = "cronica.dossier"
    label = "dossier"
    periodic_jobs = [
        (600, "cronica.dossier.jobs.relink_if_changed"),
        (3600, "cronica.dossier.jobs.check_published"),
        (3600, "cronica.dossier.jobs.recount_articles"),
    ]

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published

        from cronica.news.models import ArticlePage
        from cronica.news.setup import after_migrate

        from . import article_counts, knowledge, published, purge, tasks
        from .models import Alias, Relation

        post_migrate.connect(
            after_migrate(_grant_permissions),
            weak=False,
            dispatch_uid="cronica.dossier.permissions",
        )
        page_published.connect(
            tasks.on_page_published, sender=ArticlePage, dispatch_uid="dossier-link-on-publish"
        )
        for model in (Alias, Relation):
            post_save.connect(
                knowledge.touch_entity,
                sender=model,
                dispatch_uid=f"dossier-touch-{model.__name__}-save",
            )
            post_delete.connect(
                knowledge.touch_entity,
                sender=model,
                dispatch_uid=f"dossier-touch-{model.__name__}-delete",
            )
        purge.connect()  # knowledge-base changes drop exactly the cached pages they touch
        published.connect()  # Event.published follows its article (publish, privacy, moves)
        article_counts.connect()  # Entity.article_count follows mentions and their articles
