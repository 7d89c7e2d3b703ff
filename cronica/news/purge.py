"""Purge the page caches when what readers see changes.

Wagtail purges a page's own URL on publish; a newsroom also needs the listings that show
it (home, its tags, its contributors, its archive month, the feeds, the sitemap), in every
UI language, or readers keep seeing the old front page until the cache expires.

One list of URLs serves both caches: ``purge_urls`` drops them from the embedded page
cache at once (cronica/core/pagecache.py, shared by every serving process) and sends a
PURGE for each to the front cache when one is configured (``CRONICA_PURGE_URL``, through
Wagtail's frontend-cache task).
"""

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from cronica.core import pagecache


def article_urls(article: Page) -> list[str]:
    """Every public URL, in every UI language, that shows ``article`` or lists it."""
    from .models import HomePage

    home = HomePage.objects.live().first()
    urls = [home.get_site().root_url + reverse("sitemap")] if home else []
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
                    try:
                        urls.append(base + home.reverse_subpage(route, args=(tag.slug,)))
                    except NoReverseMatch:  # a slug the route cannot serve has no page
                        break
            for contributor in article.contributors:
                urls.append(base + home.reverse_subpage("contributor", args=(contributor.slug,)))
    return list(dict.fromkeys(urls))


def page_urls(page: Page) -> list[str]:
    """A page's own URL in every UI language (pages other than articles list nothing)."""
    urls: list[str] = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            url = page.get_full_url()
            if url:
                urls.append(url)
    return urls


class _Batch:
    """URLs to purge once the current transaction commits: one purge per transaction,
    however many rows changed in it (the linker saves dozens of mentions)."""

    def __init__(self) -> None:
        self.urls: dict[str, None] = {}
        self.done = False

    def __call__(self) -> None:
        self.done = True
        urls = list(self.urls)
        pagecache.forget(urls)
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            PurgeBatch(under_every_host(urls)).purge()


def under_every_host(urls: Iterable[str]) -> list[str]:
    """Each full URL of ``urls`` under every domain the site's pages may be stored for
    (``pagecache.site_domains()``), its scheme, port and path kept. The front cache keys a
    page by host and path, as the embedded one does (deploy/nginx/cronica.conf), and a
    reader who came by an alias (www, another Wagtail site's name for a shared page) has a
    copy of their own; ``pagecache.forget`` drops those itself, the front cache needs one
    PURGE per host. IPv6 literals are left out: Wagtail sends a purged URL's host without
    its brackets, which no request's Host matches."""
    domains = sorted(d for d in pagecache.site_domains() if ":" not in d)
    out: dict[str, None] = {}
    for url in urls:
        parts = urlsplit(url)
        if not parts.hostname:
            out[url] = None
            continue
        port = f":{parts.port}" if parts.port else ""
        for domain in [parts.hostname, *domains]:
            out[urlunsplit(parts._replace(netloc=domain + port))] = None
    return list(out)


def purge_urls(urls: Iterable[str]) -> None:
    """Drops ``urls`` from the embedded page cache and from the front cache (if any, through
    Wagtail's purge task) when the current transaction commits, at once outside one, so no
    reader can have the old page stored again."""
    urls = list(urls)
    if not urls:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        now = _Batch()
        now.urls.update(dict.fromkeys(urls))
        now()
        return
    # Reuse this transaction's batch while its commit hook is still pending (a rollback
    # drops the hook, and with it the batch).
    pending = [func for _sids, func, _robust in connection.run_on_commit]
    batch = next((f for f in pending if isinstance(f, _Batch) and not f.done), None)
    if batch is None:
        batch = _Batch()
        transaction.on_commit(batch)
    batch.urls.update(dict.fromkeys(urls))


def purge_article(article: Page) -> None:
    purge_urls(article_urls(article))


def on_publish_change(sender: Any, instance: Page, **kwargs: Any) -> None:
    """``page_published`` / ``page_unpublished`` of any page."""
    from .models import ArticlePage

    page = instance.specific
    purge_urls(article_urls(page) if isinstance(page, ArticlePage) else page_urls(page))


def on_slug_change(sender: Any, instance: Page, instance_before: Page, **kwargs: Any) -> None:
    """A renamed page leaves its old address behind: drop it (and its listings) too."""
    on_publish_change(sender, instance_before)
