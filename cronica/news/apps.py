from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _ensure_site(sender, **kwargs):
    # post_migrate is sent once per app that has models, in INSTALLED_APPS order, and each
    # app's permissions are created on its own signal: wait for the last such app.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is not with_models[-1]:
        return
    from .setup import ensure_site

    ensure_site()


class NewsConfig(AppConfig):
    """Publishing: home, articles, contributors, tags, archive, feeds and search."""

    name = "cronica.news"
    label = "news"
    verbose_name = "News"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from . import documents
        from .models import ArticlePage
        from .purge import on_publish_change

        post_migrate.connect(_ensure_site, dispatch_uid="cronica.news.ensure_site")
        page_published.connect(on_publish_change, sender=ArticlePage)
        page_unpublished.connect(on_publish_change, sender=ArticlePage)
        documents.connect()
