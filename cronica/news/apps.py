from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_site() -> None:
    from .setup import ensure_site

    ensure_site()


class NewsConfig(AppConfig):
    """Publishing: home, articles, contributors, tags, archive, feeds and search."""

    name = "cronica.news"
    label = "news"
    verbose_name = "News"

    def ready(self) -> None:
        from django.core.signals import request_started
        from wagtail.signals import page_published, page_slug_changed, page_unpublished

        from . import documents, fragments
        from .purge import on_publish_change, on_slug_change
        from .setup import after_migrate
        from .site_address import sync_on_request

        post_migrate.connect(
            after_migrate(_ensure_site), weak=False, dispatch_uid="cronica.news.ensure_site"
        )
        request_started.connect(sync_on_request, dispatch_uid="cronica.news.site_address")
        # Every page type: the home page and plain pages are cached too.
        page_published.connect(on_publish_change, dispatch_uid="cronica.news.purge-publish")
        page_unpublished.connect(on_publish_change, dispatch_uid="cronica.news.purge-unpublish")
        page_slug_changed.connect(on_slug_change, dispatch_uid="cronica.news.purge-slug")
        documents.connect()
        fragments.connect()
