from django.apps import AppConfig


class DossierConfig(AppConfig):
    """The knowledge base: entities, aliases, relations, linker and event extraction."""

    name = "cronica.dossier"
    label = "dossier"
    periodic_jobs = [(600, "cronica.dossier.jobs.relink_if_changed")]

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published

        from cronica.news.models import ArticlePage

        from . import knowledge, purge, tasks
        from .models import Alias, Relation

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
