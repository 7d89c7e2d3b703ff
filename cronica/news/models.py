"""Pages and snippets of the newsroom: home, articles, contributors and static pages."""

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail.url_routing import RouteResult

from cronica.core.view_restrictions import KeptViewRestrictionsMixin

from . import archive, feeds, listing, search
from .blocks import RICH_TEXT_FEATURES, ArticleBodyBlock
from .extensions import annotate_listing
from .images import CleanImage, CleanRendition  # noqa: F401  (registered models)

# An article keeps the language it is written in, whatever the site's interface offers: an
# imported Romanian post is labelled ``ro`` and read under the default interface language.
LANGUAGE_CODE = RegexValidator(
    r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$", _("An ISO 639 language code, such as en, es or ro.")
)
# Tag slugs are taggit's: Unicode letters kept ("narcotráfico"), so the routes take \w.
TAG_SLUG = r"(?P<slug>[-\w]+)"
PAGE_SIZE = 20


class Contributor(index.Indexed, models.Model):
    """A byline. A pen name with a profile, never a login: the optional link to an editor
    account exists for the admin only and is never rendered on the public site."""

    pen_name = models.CharField(_("pen name"), max_length=120, unique=True)
    slug = models.SlugField(max_length=140, unique=True, blank=True)
    bio = models.TextField(_("short bio"), blank=True)
    bio_es = models.TextField(_("short bio (Spanish)"), blank=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributor_profiles",
        help_text=_("Editor account that writes under this name. Never shown to readers."),
    )

    panels = [
        FieldPanel("pen_name"),
        FieldPanel("slug"),
        FieldPanel("bio"),
        FieldPanel("bio_es"),
        FieldPanel("account"),
    ]
    search_fields = [index.SearchField("pen_name"), index.AutocompleteField("pen_name")]

    class Meta:
        ordering = ["pen_name"]

    def __str__(self) -> str:
        return self.pen_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            self.slug = slugify(self.pen_name) or "contributor"
        super().save(*args, **kwargs)

    def localized_bio(self) -> str:
        if translation.get_language() == "es" and self.bio_es:
            return self.bio_es
        return self.bio


register_snippet(Contributor)


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


def live_articles() -> QuerySet:
    """Published articles, newest first, with their bylines and tags fetched up front (the
    feeds render them). A listing reads only the ids of the page it shows from such a
    query, then ``teasers``."""
    return (
        ArticlePage.objects.live()
        .public()
        .order_by("-first_published_at", "-pk")
        .prefetch_related("bylines__contributor", "tags")
    )


def newest_articles() -> QuerySet:
    """Every published article newest first, as pages of the page tree alone, without the
    join to the article table (the home page, the archive and its months): PostgreSQL
    then reads the ids of any page of the home listing from one index
    (``cronica_page_live_newest``, news migration 0004), 14 ms for a page 50,000 articles
    deep where the join took 140-210 ms (bench/README.md)."""
    return Page.objects.live().public().type(ArticlePage).order_by("-first_published_at", "-pk")


def teasers(ids: Sequence[int]) -> list["ArticlePage"]:
    """The articles ``ids``, in that order, with what a listing renders: bylines, tags
    and what other apps annotate (``extensions.ARTICLE_LISTING``), for these rows only.
    Annotating the whole listing instead (a comment count is a join and a GROUP BY) made
    PostgreSQL group all 100,000 articles before it took a page: 500 ms."""
    rows = ArticlePage.objects.filter(pk__in=ids).prefetch_related("bylines__contributor", "tags")
    by_id = {article.pk: article for article in annotate_listing(rows)}
    return [by_id[pk] for pk in ids if pk in by_id]


def paginate(request: HttpRequest, items: QuerySet | Sequence[Any]) -> listing.ListingPage:
    """One page of ``items``, a queryset of articles or pages (of which only the page's
    ids are read, then ``teasers``) or ranked search results, and whether an older page
    exists; no count of the whole listing (listing.py)."""
    number = listing.page_number(request.GET.get("page"))
    start = (number - 1) * PAGE_SIZE
    window = slice(start, start + PAGE_SIZE + 1)
    if isinstance(items, QuerySet):
        rows = teasers(list(items.values_list("pk", flat=True)[window]))
    else:
        rows = list(items[window])
    return listing.listing_page(number, rows, PAGE_SIZE)


class HomePage(KeptViewRestrictionsMixin, RoutablePageMixin, Page):
    """The front page, and the routes that list articles: contributors, tags, archive,
    search and feeds. Keeping them on the home page's router gives each one the same
    language prefix and site root as the articles it lists."""

    tagline = models.CharField(max_length=255, blank=True)
    tagline_es = models.CharField(max_length=255, blank=True)

    content_panels = Page.content_panels + [FieldPanel("tagline"), FieldPanel("tagline_es")]
    subpage_types = ["news.ArticlePage", "news.StandardPage"]
    max_count = 1

    def localized_tagline(self) -> str:
        if translation.get_language() == "es" and self.tagline_es:
            return self.tagline_es
        return self.tagline

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        """The home page's own routes first (tags, archive, ...), then its children. An
        article, most of what readers ask for, is found with one query of its own model
        (Wagtail's routing reads the generic page, then its specific row: bench/README.md,
        "Uncached article render"); other pages take Wagtail's way."""
        if self.live and path_components:
            try:
                self.resolve_subpage("/" + "/".join(path_components) + "/")
            except Http404:
                child = ArticlePage.objects.child_of(self).filter(slug=path_components[0])
                article = child.first()
                if article is not None:
                    article._cached_parent_obj = self  # as Wagtail's Page.route does
                    return article.route(request, path_components[1:])
        return super().route(request, path_components)

    def render_listing(
        self, request: HttpRequest, items: QuerySet | Sequence[Any], template: str, **extra: Any
    ) -> HttpResponse:
        page_obj = paginate(request, items)
        context = self.get_context(request)
        context.update(page_obj=page_obj, articles=page_obj.object_list, **extra)
        return self.render(request, context_overrides=context, template=template)

    @path("")
    def index(self, request: HttpRequest) -> HttpResponse:
        return self.render_listing(request, newest_articles(), "news/home_page.html")

    @path("contributors/<slug:slug>/", name="contributor")
    def contributor(self, request: HttpRequest, slug: str) -> HttpResponse:
        person = get_object_or_404(Contributor, slug=slug)
        items = live_articles().filter(bylines__contributor=person).distinct()
        return self.render_listing(request, items, "news/contributor.html", contributor=person)

    @re_path(rf"^tags/{TAG_SLUG}/$", name="tag")
    def tag(self, request: HttpRequest, slug: str) -> HttpResponse:
        from taggit.models import Tag

        tag = get_object_or_404(Tag, slug=slug)
        items = live_articles().filter(tags=tag)
        return self.render_listing(request, items, "news/tag.html", tag=tag)

    @path("archive/", name="archive")
    def archive(self, request: HttpRequest) -> HttpResponse:
        context = self.get_context(request)
        context["months"] = archive.months_with_articles(newest_articles())
        return self.render(request, context_overrides=context, template="news/archive.html")

    @re_path(r"^archive/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", name="archive_month")
    def archive_month(self, request: HttpRequest, year: str, month: str) -> HttpResponse:
        try:
            start, end = archive.month_bounds(int(year), int(month))
        except ValueError:
            raise Http404 from None
        items = newest_articles().filter(first_published_at__gte=start, first_published_at__lt=end)
        return self.render_listing(request, items, "news/archive_month.html", month_start=start)

    @path("search/", name="search")
    def search(self, request: HttpRequest) -> HttpResponse:
        query = request.GET.get("q", "").strip()[:200]
        # The teasers' bylines and tags, fetched for the page at once, not per article.
        articles = (
            ArticlePage.objects.live().public().prefetch_related("bylines__contributor", "tags")
        )
        found = search.search_articles(articles, query)
        return self.render_listing(
            request,
            found.results,
            "news/search.html",
            query=query,
            match_count=found.results.count(),
            capped=found.capped,
            candidates=search.CANDIDATES,
        )

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request: HttpRequest) -> HttpResponse:
        return feeds.ArticlesRss()(request, home=self, articles=live_articles())

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request: HttpRequest) -> HttpResponse:
        return feeds.ArticlesAtom()(request, home=self, articles=live_articles())

    @re_path(rf"^tags/{TAG_SLUG}/feed/rss/$", name="tag_feed_rss")
    def tag_feed_rss(self, request: HttpRequest, slug: str) -> HttpResponse:
        return feeds.ArticlesRss()(request, home=self, articles=live_articles(), slug=slug)

    @re_path(rf"^tags/{TAG_SLUG}/feed/atom/$", name="tag_feed_atom")
    def tag_feed_atom(self, request: HttpRequest, slug: str) -> HttpResponse:
        return feeds.ArticlesAtom()(request, home=self, articles=live_articles(), slug=slug)


def check_slug_not_reserved(slug: str) -> None:
    """A page directly under the home page whose slug a route claims could never be
    reached: refused for editors and importers alike."""
    from .reserved import reserved_slugs

    if slug in reserved_slugs():
        raise ValidationError(
            {
                "slug": _(
                    "“%(slug)s” is the address of one of the site's own pages; choose another."
                )
                % {"slug": slug}
            }
        )


class ArticleByline(Orderable):
    article = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="bylines")
    contributor = models.ForeignKey(Contributor, on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("contributor")]


class ArticleSource(Orderable):
    article = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="sources")
    outlet = models.CharField(_("outlet"), max_length=255)
    url = models.URLField(_("link"), blank=True, max_length=1000)

    panels = [FieldPanel("outlet"), FieldPanel("url")]


class ArticlePage(KeptViewRestrictionsMixin, Page):
    """A post: the unit everything else (comments, tips follow-ups, the knowledge base)
    attaches to."""

    language = models.CharField(
        _("language"),
        max_length=12,
        default="en",
        validators=[LANGUAGE_CODE],
        help_text=_("The language the article is written in: en, es, or another ISO 639 code."),
    )
    summary = models.TextField(_("summary"), blank=True, max_length=600)
    lead_image = models.ForeignKey(
        CleanImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(ArticleBodyBlock(), use_json_field=True)
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    comments_closed = models.BooleanField(
        _("close comments"),
        default=False,
        help_text=_("Readers can no longer comment on this article."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("language"),
        FieldPanel("summary"),
        InlinePanel("bylines", label=_("Byline (pen names)"), min_num=1),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        InlinePanel("sources", label=_("Sources")),
        MultiFieldPanel([FieldPanel("tags"), FieldPanel("comments_closed")], heading=_("Filing")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("language"),
    ]
    parent_page_types = ["news.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")

    @cached_property
    def contributors(self) -> list[Contributor]:
        return [b.contributor for b in self.bylines.all()]

    @property
    def published(self) -> datetime:
        return self.first_published_at or self.go_live_at or timezone.now()

    @property
    def published_day(self) -> date:
        """The publication date in the site's time zone, for date headers."""
        return timezone.localdate(self.published)

    def plain_text(self) -> str:
        """The article as plain text, for search snippets, feeds and the knowledge base."""
        parts: list[str] = []
        for block in self.body:
            if block.block_type == "paragraph":
                parts.append(strip_tags(block.value.source))
            elif block.block_type == "heading":
                parts.append(str(block.value))
            elif block.block_type == "quote":
                parts.append(block.value["quote"])
            elif block.block_type == "image" and block.value.get("caption"):
                parts.append(block.value["caption"])
        return "\n\n".join(p.strip() for p in parts if p and p.strip())

    def description(self) -> str:
        return self.summary or self.plain_text()[:280]

    @property
    def site_language(self) -> str:
        """The interface language the article is read under: its own when the site offers
        it, else the default (the URL prefix must be one the site serves)."""
        if self.language in dict(settings.LANGUAGES):
            return self.language
        return settings.LANGUAGE_CODE

    def canonical_url(self, request: HttpRequest | None = None) -> str | None:
        """The article's address under its own language prefix (None, as Wagtail's, for a
        page no site serves)."""
        with translation.override(self.site_language):
            return self.get_full_url(request)

    def clean(self) -> None:
        super().clean()
        check_slug_not_reserved(self.slug)

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict[str, Any]]:
        return [{"location": self.canonical_url(request), "lastmod": self.last_published_at}]


class StandardPage(KeptViewRestrictionsMixin, Page):
    """A plain page: the comment policy, about, how to contact the newsroom."""

    def clean(self) -> None:
        super().clean()
        check_slug_not_reserved(self.slug)

    # May be empty: WordPress parent pages often hold nothing but their children.
    body = RichTextField(features=RICH_TEXT_FEATURES + ["h2", "h3"], blank=True)
    body_es = RichTextField(features=RICH_TEXT_FEATURES + ["h2", "h3"], blank=True)
    title_es = models.CharField(max_length=255, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("title_es"),
        FieldPanel("body"),
        FieldPanel("body_es"),
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["news.HomePage"]
    subpage_types: list[str] = []

    def localized_title(self) -> str:
        if translation.get_language() == "es" and self.title_es:
            return self.title_es
        return self.title

    def localized_body(self) -> str:
        if translation.get_language() == "es" and self.body_es:
            return self.body_es
        return self.body
