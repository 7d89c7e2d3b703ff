"""Links an article's first mention of each known entity to its profile.

``{% dossier_linked block %}`` renders a body block like ``{% include_block %}`` and wraps
the first mention of every entity the linker stored for the page (and an editor did not
reject) in a link. "First" spans the whole article: the set of entities already linked
lives in the template's render context, shared by every block of one page render.
Headings and existing links are left alone.
"""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .. import knowledge
from ..models import Mention, Review

register = template.Library()

TAG = re.compile(r"""(<(?:[^>"']|"[^"]*"|'[^']*')*>)""")  # quoted ">" stays in the tag
SKIP = re.compile(r"<(/?)(a|h[1-6]|script|style|code)\b", re.IGNORECASE)


def _state(context, page):
    state = context.render_context.get("dossier_links")
    if state is None:
        urls = {}
        if page is not None and getattr(page, "pk", None):
            mentions = (
                Mention.objects.filter(article_id=page.pk)
                .exclude(status=Review.REJECTED)
                .select_related("entity")
            )
            urls = {m.entity_id: (m.entity.get_absolute_url(), m.entity.name) for m in mentions}
        state = {"urls": urls, "done": set(), "gazetteer": knowledge.gazetteer() if urls else None}
        context.render_context["dossier_links"] = state
    return state


def link_first_mentions(html, gazetteer, urls, done, language=None):
    """``html`` with the first mention of each entity in ``urls`` (id -> (url, name))
    that is not in ``done`` wrapped in a link; ``done`` is updated."""
    if not urls or len(done) >= len(urls):
        return html
    allowed = set(urls) - done
    parts = TAG.split(html)
    skipping = 0
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            tag = SKIP.match(part)
            if tag:
                skipping += -1 if tag.group(1) else 1
                skipping = max(skipping, 0)
            continue
        if skipping or not part.strip() or not allowed:
            continue
        pieces, position = [], 0
        for match in gazetteer.find(part, language=language, context=urls, only=allowed):
            if match.entity_id not in allowed:
                continue
            allowed.discard(match.entity_id)
            done.add(match.entity_id)
            url, name = urls[match.entity_id]
            pieces.append(part[position : match.start])
            pieces.append(
                f'<a class="kb-link" href="{escape(url)}" title="{escape(name)}">'
                f"{match.surface}</a>"
            )
            position = match.end
        if pieces:
            parts[index] = "".join(pieces) + part[position:]
    return "".join(parts)


@register.simple_tag(takes_context=True)
def dossier_linked(context, block):
    """Renders ``block`` (a StreamField child) with first mentions linked."""
    page = context.get("page")
    html = block.render_as_block(context=context.flatten())
    state = _state(context, page)
    language = getattr(page, "language", None)
    return mark_safe(
        link_first_mentions(str(html), state["gazetteer"], state["urls"], state["done"], language)
    )
