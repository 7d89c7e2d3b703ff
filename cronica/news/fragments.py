"""An article's rendered parts, kept between renders in Django's cache.

Rendering an article's header, lead image, body blocks, sources and tags costs a few
queries (bylines with contributors, tags and sources in one prefetch, the images) and
most of the template work of a page-cache miss, yet that markup only changes when an
editor publishes a new revision or edits something the article shows. So it is rendered once
per published revision, interface language and ``TOKEN`` version and stored in the
``default`` cache (local memory per process, or Redis).

What is in the key, and what replaces it:

- the page's id, ``translation_key`` (so a reused id never names another page's parts),
  live revision and Wagtail's ``cache_key`` (id, path, last publication): publishing
  changes them, including new bylines, tags, sources or lead image;
- the interface language (headings, dates, tag addresses);
- the ``TOKEN`` version (``core.versions``), bumped on what changes without a new
  revision: a contributor's pen name or slug, a tag's name or slug, an image (title,
  credit, file, focal point), a rendition removed, a document, and any page's slug
  change, unpublication or deletion (rich-text links point at them).

Body blocks are kept as rendered before the body filters (``extensions.body_filters``),
which still run on every render: the knowledge base's links come from data its linker
stores after publication. Previews, unpublished pages and pages without a live revision
are rendered every time; ``CRONICA_FRAGMENT_SECONDS = 0`` turns the cache off.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from cronica.core import versions

TOKEN = "news-article-parts"


@dataclass(frozen=True)
class ArticleParts:
    meta: str  # the <meta> lines of tags and the lead image
    head: str  # the header (title, byline, summary) and the lead image's figure
    blocks: tuple[str, ...]  # each body block, before the body filters
    tail: str  # sources and tags

    def safe(self, name: str) -> SafeString:
        return mark_safe(getattr(self, name))


def cache_key(page: Any, request: Any = None) -> str | None:
    """The key of ``page``'s parts in the current language, or None when they must not
    be kept (cache off, a preview, a page that is not live as a published revision)."""
    if not settings.CRONICA_FRAGMENT_SECONDS or getattr(request, "is_preview", False):
        return None
    if not page.live or not page.live_revision_id:
        return None
    return ":".join(
        [
            "article-parts",
            str(page.pk),
            str(page.translation_key),
            str(page.live_revision_id),
            page.cache_key,
            translation.get_language() or settings.LANGUAGE_CODE,
            versions.current(TOKEN),
        ]
    )


def prefetch(page: Any) -> None:
    """Reads what the parts show from related tables in three queries: bylines with
    their contributors, tags, sources. Rendered lazily they took six (a contributor per
    byline, the tags once per template that lists them, the sources twice)."""
    from .models import ArticleByline

    bylines = ArticleByline.objects.select_related("contributor")
    prefetch_related_objects([page], Prefetch("bylines", queryset=bylines), "tags", "sources")


def render(page: Any, context: dict[str, Any]) -> ArticleParts:
    """The parts rendered now, from the page template's context (context processors
    included, so none run again). A preview keeps the relations of the revision it
    shows in memory, so nothing is read for it."""
    if page.pk is not None and not getattr(context.get("request"), "is_preview", False):
        prefetch(page)
    return ArticleParts(
        meta=render_to_string("news/article/meta.html", context),
        head=render_to_string("news/article/head.html", context),
        blocks=tuple(str(block.render_as_block(context=context)) for block in page.body),
        tail=render_to_string("news/article/tail.html", context),
    )


def article_parts(page: Any, context: Any) -> ArticleParts:
    """``page``'s parts, from the cache or rendered and stored; kept on ``page`` for
    the rest of this render (the page template asks twice: meta and content)."""
    language = translation.get_language()
    memo = getattr(page, "_article_parts", None)
    if memo is not None and memo[0] == language:
        return memo[1]
    key = cache_key(page, context.get("request"))
    parts = cache.get(key) if key else None
    if parts is None:
        parts = render(page, context.flatten())
        if key:
            cache.set(key, parts, timeout=settings.CRONICA_FRAGMENT_SECONDS)
    page._article_parts = (language, parts)
    return parts


def invalidate(**kwargs: Any) -> None:
    """Signal receiver: something every article may show changed."""
    versions.bump(TOKEN)


def connect() -> None:
    """Bumps ``TOKEN`` on the changes that reach rendered articles without a revision."""
    from django.db.models.signals import post_delete, post_save
    from taggit.models import Tag
    from wagtail.documents import get_document_model
    from wagtail.models import Page
    from wagtail.signals import page_slug_changed, page_unpublished

    from .images import CleanImage, CleanRendition
    from .models import Contributor

    for model in (Contributor, Tag, CleanImage, get_document_model()):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"news-parts-save-{model}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"news-parts-del-{model}")
    # A new rendition is made by a render and shown by it; a removed one must not be.
    post_delete.connect(invalidate, sender=CleanRendition, dispatch_uid="news-parts-rendition")
    post_delete.connect(invalidate, sender=Page, dispatch_uid="news-parts-page-delete")
    page_slug_changed.connect(invalidate, dispatch_uid="news-parts-slug")
    page_unpublished.connect(invalidate, dispatch_uid="news-parts-unpublish")
