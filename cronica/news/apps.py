from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _ensure_site(sender, **kwargs):
    # post_migrate is sent once per app, in INSTALLED_APPS order, and each app's
    # permissions are created on its own signal: wait for the last app.
    if sender is not list(apps.get_app_configs())[-1]:
        return
    from .setup import ensure_site

    ensure_site()


class NewsConfig(AppConfig):
    """Publishing: home, articles, contributors, tags, archive, feeds and search."""

    name = "cronica.news"
    label = "news"
    verbose_name = "News"

    def ready(self):
        post_migrate.connect(_ensure_site, dispatch_uid="cronica.news.ensure_site")
