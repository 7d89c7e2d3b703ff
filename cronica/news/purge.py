"""Purge the front cache when what readers see changes.

Wagtail purges a page's own URL on publish; a newsroom also needs the listings that show
it (home, its tags, its contributors, its archive month, the feeds), in every UI
language, or readers keep seeing the old front page until the cache expires.
"""

from django.conf import settings
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch


def article_urls(article):
    """Every public URL, in every UI language, that shows ``article`` or lists it."""
    from .models import HomePage

    home = HomePage.objects.live().first()
    urls = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            page_url = article.get_full_url()
            if page_url:
                urls.append(page_url)
            if home is None:
                continue
            base = home.get_full_url()
            urls.append(base)
            for route in ("feed_rss", "feed_atom", "archive"):
                urls.append(base + home.reverse_subpage(route))
            published = article.first_published_at
            if published:
                urls.append(
                    base
                    + home.reverse_subpage(
                        "archive_month",
                        kwargs={"year": f"{published:%Y}", "month": f"{published:%m}"},
                    )
                )
            for tag in article.tags.all():
                for route in ("tag", "tag_feed_rss", "tag_feed_atom"):
                    urls.append(base + home.reverse_subpage(route, args=(tag.slug,)))
            for contributor in article.contributors:
                urls.append(base + home.reverse_subpage("contributor", args=(contributor.slug,)))
    return list(dict.fromkeys(urls))


def purge_article(article):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    batch.add_urls(article_urls(article))
    batch.purge()


def on_publish_change(sender, instance, **kwargs):
    purge_article(instance.specific)
