"""Site search over published articles through Wagtail's search backend (the database
backend by default, OpenSearch when configured)."""


def search_articles(query):
    from .models import ArticlePage

    return ArticlePage.objects.live().public().search(query, operator="and")
