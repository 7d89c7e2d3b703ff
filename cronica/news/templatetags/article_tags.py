"""Template tags of the article page and listings: the body, run through the other apps'
body filters, and the sections and teaser extras they register (see ``news.extensions``)."""

from django import template
from django.utils.safestring import mark_safe

from .. import extensions

register = template.Library()


@register.simple_tag(takes_context=True)
def article_body(context, page):
    """Renders every block of ``page.body`` like ``{% include_block %}``, then through each
    registered body filter, in document order (so "first mention" means first on the page)."""
    filters = extensions.body_filters(page)
    flat = context.flatten()
    parts = []
    for block in page.body:
        html = str(block.render_as_block(context=flat))
        for rewrite in filters:
            html = rewrite(html)
        parts.append(html)
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def article_sections(context, page):
    return extensions.article_sections(context.get("request"), page)


@register.simple_tag(takes_context=True)
def teaser_extras(context, article):
    return extensions.teaser_extras(article, context.get("request"))
