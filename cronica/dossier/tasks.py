"""Background jobs of the knowledge base: linking an article when it is published."""

from django_tasks import task


@task()
def link_article(article_id):
    """Links a published article to the knowledge base, then asks the front cache to drop
    its page so readers see the new links."""
    from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

    from cronica.news.models import ArticlePage

    from .linking import link

    article = ArticlePage.objects.live().filter(pk=article_id).first()
    if article is None:  # unpublished or deleted since
        return 0
    result = link(article)
    purge_page_from_cache(article)
    return len(result.matches)


def on_page_published(sender, instance, **kwargs):
    """``page_published`` handler: queue the linking, never do it in the editor's request."""
    link_article.enqueue(instance.pk)
