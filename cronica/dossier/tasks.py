"""Background jobs of the knowledge base: linking an article when it is published."""

from typing import Any

from django_tasks import task


@task()
def link_article(article_id: int) -> int:
    """Links a published article to the knowledge base, then asks the page caches to drop
    its page so readers see the new links."""
    from cronica.news.models import ArticlePage
    from cronica.news.purge import page_urls, purge_urls

    from .linking import link

    article = ArticlePage.objects.live().filter(pk=article_id).first()
    if article is None:  # unpublished or deleted since
        return 0
    result = link(article)
    purge_urls(page_urls(article))
    return len(result.matches)


def on_page_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    """``page_published`` handler: queue the linking, never do it in the editor's request."""
    link_article.enqueue(instance.pk)
