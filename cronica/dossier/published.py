"""Which events come from a published article, as a correlated ``EXISTS`` per event.

``ArticlePage.objects.live().public()`` is the definition of a published article. Used as
``article__in=...`` it is a subquery over every live page, and inside ``exclude()``
(``shown_once``) PostgreSQL hashes all of them (100,000 at the scale of
bench/search_ledger.py) for every ledger query: about 600 ms each, five queries a page.
The same pages asked for one event at a time (``EXISTS`` on the page's primary key) cost
one index lookup per event, and ``NOT EXISTS`` plans as an anti-join.
"""

from django.db.models import Exists, OuterRef


def published(article_field="article_id"):
    """True when the page whose id is in ``article_field`` of the outer row is live and
    public, exactly as ``Page.objects.live().public()`` says."""
    from wagtail.models import Page

    return Exists(Page.objects.live().public().filter(pk=OuterRef(article_field)))
