"""``{% comment_form page %}``: the form under an article, or a note that comments are
closed. Kept as a tag so the article page's context stays the news app's business.

``{% comment_body comment %}`` and ``{% thread_items items reply report %}``: a comment's
markup, built in Python because a 200-comment thread rendered through nested template
includes took most of the uncached article render (bench/README.md, "Uncached article
render"). This is the one place a comment's markup is written."""

from collections.abc import Iterable
from typing import Any

from django import template
from django.utils.html import escape, format_html
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
    site_label: str | None = None,
) -> SafeString:
    """The ``<article>`` of one comment; ``actions`` is (reply label, report label) or
    None for no reply and report links."""
    staff = comment.is_staff_reply
    badge = format_html(' <span class="badge">{}</span>', site_label) if staff else ""
    answered = ""
    if in_reply_to is not None:
        answered = format_html(
            '<a class="in-reply-to" href="#c{}">{}</a>',
            in_reply_to.pk,
            mark_safe(
                escape(gettext("in reply to %(name)s")) % {"name": escape(in_reply_to.shown_name)}
            ),
        )
    links = ""
    if actions:
        links = format_html(
            '<p class="comment-actions"><a class="reply-link" href="{}" data-parent="{}">'
            '{}</a> · <a class="report-link" href="{}" rel="nofollow">{}</a></p>',
            comment.reply_url,
            comment.pk,
            actions[0],
            comment.report_url,
            actions[1],
        )
    return format_html(
        '<article class="comment-body{}">\n'
        '  <header><span class="author">{}</span>{}\n'
        '  <a class="permalink" href="#c{}"><time datetime="{}">{}</time></a>\n'
        "  {}</header>\n"
        '  <div class="text">{}</div>\n'
        "  {}\n"
        "</article>\n",
        " staff" if staff else "",
        comment.shown_name,
        badge,
        comment.pk,
        comment.when_iso,
        comment.when,
        answered,
        comment.html,
        links,
    )


@register.simple_tag
def comment_body(comment: Any) -> SafeString:
    return _comment(comment, site_label=gettext("Site"))


@register.simple_tag
def thread_items(items: Iterable[ThreadItem], reply_label: str, report_label: str) -> SafeString:
    """The ``<li>`` of each item of a thread (see ``display.comment_thread``), replies
    nested in ``<ol class="replies">``."""
    actions, site_label = (reply_label, report_label), gettext("Site")
    parts: list[str] = []

    def add(item: ThreadItem) -> None:
        parts.append(
            format_html(
                '<li class="comment{}" id="c{}">{}\n',
                " reply" if item.depth else "",
                item.comment.pk,
                _comment(item.comment, actions, item.in_reply_to, site_label),
            )
        )
        if item.replies:
            parts.append('<ol class="replies">')
            for reply in item.replies:
                add(reply)
            parts.append("</ol>")
        parts.append("</li>\n")

    for item in items:
        add(item)
    return mark_safe("".join(parts)) if parts else SafeString()
