"""RSS and Atom feeds, site-wide and per tag: small classes over Django's syndication
framework, as pressfreedomtracker.us does it.

Every absolute URL in a feed (its own address, the site's, each item's link and guid) names
the public address, ``CRONICA_SITE_URL``, like canonical links and the sitemap: Django's
framework would otherwise take the host of whichever request fetched the feed, so a feed
read through another name (an internal host, a mirror) would hand readers links and guids
that change with it."""

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from taggit.models import Tag

FEED_SIZE = 30


class ArticlesRss(Feed):
    """Latest ``articles``, or those of one tag when the route passes ``slug``; ``home`` is
    the HomePage whose routes serve the feed (typed Any: models.py imports this module)."""

    def __call__(
        self,
        request: HttpRequest,
        *args: Any,
        home: Any,
        articles: QuerySet,
        **kwargs: Any,
    ) -> HttpResponse:
        self.home = home
        self.articles = articles
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, slug: str | None = None) -> Tag | None:
        if slug is None:
            return None
        try:
            return Tag.objects.get(slug=slug)
        except Tag.DoesNotExist:
            raise Http404 from None

    def title(self, tag: Tag | None = None) -> str:
        return f"{settings.WAGTAIL_SITE_NAME}: {tag.name}" if tag else settings.WAGTAIL_SITE_NAME

    def link(self, tag: Tag | None = None) -> str:
        home = self.home.get_full_url(self.request)
        return home + self.home.reverse_subpage("tag", args=(tag.slug,)) if tag else home

    def feed_url(self, tag: Tag | None = None) -> str:
        return settings.SITE_URL + self.request.path

    def description(self, tag: Tag | None = None) -> str:
        return self.home.localized_tagline() or _("Latest articles")

    def items(self, tag: Tag | None = None) -> QuerySet:
        articles = self.articles
        if tag:
            articles = articles.filter(tags=tag)
        return articles[:FEED_SIZE]

    def item_title(self, item: Any) -> str:
        return item.title

    def item_description(self, item: Any) -> str:
        return item.description()

    def item_link(self, item: Any) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item: Any) -> str:
        return f"{settings.SITE_URL}/article/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Any) -> datetime | None:
        return item.first_published_at

    def item_updateddate(self, item: Any) -> datetime | None:
        return item.last_published_at

    def item_author_name(self, item: Any) -> str | None:
        return ", ".join(c.pen_name for c in item.contributors) or None

    def item_categories(self, item: Any) -> list[str]:
        return [t.name for t in item.tags.all()]


class ArticlesAtom(ArticlesRss):
    feed_type = Atom1Feed
    subtitle = ArticlesRss.description
