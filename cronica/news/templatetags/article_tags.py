"""Template tags of the article page and listings: the body, run through the other apps'
body filters, and the sections and teaser extras they register (see ``news.extensions``)."""

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from .. import extensions, fragments

register = template.Library()


@register.simple_tag(takes_context=True)
def article_parts(context: template.Context, page: Any) -> fragments.ArticleParts:
    """``{% article_parts page as parts %}``: the rendered header, lead image, body blocks,
    sources and tags of ``page``, kept between renders (``news.fragments``)."""
    return fragments.article_parts(page, context)


@register.simple_tag(takes_context=True)
def article_body(context: template.Context, page: Any) -> SafeString:
    """Every block of ``page.body`` as ``{% include_block %}`` renders it (kept between
    renders by ``news.fragments``), then through each registered body filter, in document
    order (so "first mention" means first on the page)."""
    filters = extensions.body_filters(page)
    parts: list[str] = []
    for html in fragments.article_parts(page, context).blocks:
        for rewrite in filters:
            html = rewrite(html)
        parts.append(html)
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def article_sections(context: template.Context, page: Any) -> SafeString:
    return extensions.article_sections(context.get("request"), page, context.flatten())


@register.simple_tag(takes_context=True)
def teaser_extras(context: template.Context, article: Any) -> SafeString:
    return extensions.teaser_extras(article, context.get("request"))
