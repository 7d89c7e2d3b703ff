"""``{% comment_form page %}``: the form under an article, or a note that comments are
closed. Kept as a tag so the article page's context stays the news app's business.

``{% comment_body comment %}`` and ``{% thread_items items reply report %}``: a comment's
markup, built in Python because a 200-comment thread rendered through nested template
includes took most of the uncached article render (bench/README.md, "Uncached article
render"). This is the one place a comment's markup is written."""

from collections.abc import Iterable
from html import escape
from typing import Any

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from cronica.comments import kept_settings, policy
from cronica.comments.display import ThreadItem
from cronica.comments.forms import CommentForm

register = template.Library()


@register.inclusion_tag("comments/form.html", takes_context=True)
def comment_form(context: template.Context, article: Any) -> dict[str, Any]:
    return {
        "article": article,
        "open": policy.is_open(article, kept_settings.for_article(article)),
        "form": CommentForm(),
        "parent": None,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }


def _comment(
    comment: Any,
    actions: tuple[str, str] | None = None,
    in_reply_to: Any = None,
    site_label: str = "",
) -> str:
    """The ``<article>`` of one comment. ``actions`` (reply label, report label) and
    ``site_label`` come escaped, once per thread; None for no reply and report links.

    Written with plain string formatting and the standard library's ``html.escape``
    (what Django's ``escape`` calls) per reader-given field: ``format_html`` escaped every
    argument through ``conditional_escape`` and was most of the markup's cost in a long
    thread (bench/README.md, "Uncached article render"). The body is the one field that
    arrives as HTML (``text.render``)."""
    staff = comment.is_staff_reply
    badge = f' <span class="badge">{site_label}</span>' if staff else ""
    answered = ""
    if in_reply_to is not None:
        name = escape(gettext("in reply to %(name)s")) % {"name": escape(in_reply_to.shown_name)}
        answered = f'<a class="in-reply-to" href="#c{in_reply_to.pk}">{name}</a>'
    links = ""
    if actions:
        links = (
            f'<p class="comment-actions"><a class="reply-link" href="{escape(comment.reply_url)}"'
            f' data-parent="{comment.pk}">{actions[0]}</a> · <a class="report-link"'
            f' href="{escape(comment.report_url)}" rel="nofollow">{actions[1]}</a></p>'
        )
    return (
        f'<article class="comment-body{" staff" if staff else ""}">\n'
        f'  <header><span class="author">{escape(comment.shown_name)}</span>{badge}\n'
        f'  <a class="permalink" href="#c{comment.pk}"><time datetime="{escape(comment.when_iso)}">'
        f"{escape(comment.when)}</time></a>\n"
        f"  {answered}</header>\n"
        f'  <div class="text">{conditional_escape(comment.html)}</div>\n'
        f"  {links}\n"
        "</article>\n"
    )


@register.simple_tag
def comment_body(comment: Any) -> SafeString:
    return mark_safe(_comment(comment, site_label=escape(gettext("Site"))))


@register.simple_tag
def thread_items(items: Iterable[ThreadItem], reply_label: str, report_label: str) -> SafeString:
    """The ``<li>`` of each item of a thread (see ``display.comment_thread``), replies
    nested in ``<ol class="replies">``."""
    actions = (str(conditional_escape(reply_label)), str(conditional_escape(report_label)))
    site_label = escape(gettext("Site"))
    parts: list[str] = []

    def add(item: ThreadItem) -> None:
        parts.append(
            f'<li class="comment{" reply" if item.depth else ""}" id="c{item.comment.pk}">'
            f"{_comment(item.comment, actions, item.in_reply_to, site_label)}\n"
        )
        if item.replies:
            parts.append('<ol class="replies">')
            for reply in item.replies:
                add(reply)
            parts.append("</ol>")
        parts.append("</li>\n")

    for item in items:
        add(item)
    return mark_safe("".join(parts))
