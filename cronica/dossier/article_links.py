"""Links an article's first mention of each known entity to its profile, on the article
page (a news body filter, see ``news.extensions.ARTICLE_BODY_FILTER``).

Rendering reads what the linker stored when the article was published
(``linking.link``, run by the worker): the article's mentions an editor did not reject,
and the aliases of those entities only. It never builds the site-wide gazetteer nor reads
every entity, so a page costs two small queries whatever the size of the knowledge base.
"First" spans the whole article: the filter keeps, across the blocks of one render, the
entities it has linked. Headings, links, code and scripts are left alone. HTML is
rewritten on lxml's tree, text nodes only, so markup and attributes never get matched.
"""

import html as html_lib
from collections.abc import Callable

from lxml import etree
from lxml import html as lxml_html
from wagtail.models import Page

from .gazetteer import Gazetteer
from .models import Alias, Mention, Review

SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "code", "pre"}


def article_filter(page: Page) -> Callable[[str], str] | None:
    """The body filter for one render of ``page``, or None when it links nothing."""
    if not getattr(page, "pk", None):
        return None
    mentions = (
        Mention.objects.filter(article_id=page.pk)
        .exclude(status=Review.REJECTED)
        .select_related("entity")
    )
    urls = {m.entity_id: (m.entity.get_absolute_url(), m.entity.name) for m in mentions}
    if not urls:
        return None
    names = [(eid, name, False, "") for eid, (_url, name) in urls.items()]
    aliases = Alias.objects.filter(entity_id__in=urls).values_list(
        "entity_id", "text", "needs_context", "language"
    )
    gazetteer = Gazetteer(names + list(aliases))
    done: set[int] = set()
    language = getattr(page, "language", None)

    def rewrite(html: str) -> str:
        return link_first_mentions(html, gazetteer, urls, done, language)

    return rewrite


def _text_slots(root: etree._Element) -> list[tuple[etree._Element, str]]:
    """(element, "text" | "tail") for every text node outside SKIP, in document order.
    Iterative, so a pathologically deep body cannot exhaust Python's stack."""
    slots, stack = [], [("enter", root, False)]
    while stack:
        event, element, skipping = stack.pop()
        if event == "tail":
            if not skipping and element.tail:
                slots.append((element, "tail"))
            continue
        markup = isinstance(element.tag, str)  # not a comment or processing instruction
        inside = skipping or (markup and element.tag.lower() in SKIP)
        if markup and not inside and element.text:
            slots.append((element, "text"))
        for child in reversed(element):
            stack.append(("tail", child, inside))
            stack.append(("enter", child, inside))
    return slots


def _link(url: str, name: str, surface: str) -> etree._Element:
    anchor = etree.Element("a", {"class": "kb-link", "href": url, "title": name})
    anchor.text = surface
    return anchor


def link_first_mentions(
    html: str,
    gazetteer: Gazetteer,
    urls: dict[int, tuple[str, str]],
    done: set[int],
    language: str | None = None,
) -> str:
    """``html`` with the first mention of each entity in ``urls`` (id -> (url, name))
    that is not in ``done`` wrapped in a link; ``done`` is updated."""
    allowed = set(urls) - done
    if not allowed or not html.strip():
        return html
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return html  # unparseable markup is shown as it is, unlinked
    changed = False
    for element, slot in _text_slots(root):
        if not allowed:
            break
        text = getattr(element, slot)
        found = []
        for match in gazetteer.find(text, language=language, context=urls, only=allowed):
            if match.entity_id in allowed:  # the first mention of each entity only
                allowed.discard(match.entity_id)
                found.append(match)
        if not found:
            continue
        changed = True
        done.update(m.entity_id for m in found)
        setattr(element, slot, text[: found[0].start])
        anchors = []
        for position, match in enumerate(found):
            anchor = _link(*urls[match.entity_id], match.surface)
            following = found[position + 1].start if position + 1 < len(found) else len(text)
            anchor.tail = text[match.end : following]
            anchors.append(anchor)
        if slot == "text":
            parent, index = element, 0
        else:
            parent = element.getparent()
            index = parent.index(element) + 1
        for offset, anchor in enumerate(anchors):
            parent.insert(index + offset, anchor)
    if not changed:
        return html
    inner = html_lib.escape(root.text or "", quote=False)
    return inner + "".join(lxml_html.tostring(c, encoding="unicode") for c in root)
