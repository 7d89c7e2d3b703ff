"""Comments on the news app's pages, plugged in through its hooks (``news.extensions``):
the count on listings and the thread with its form under each article."""

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.translation import ngettext
from wagtail.models import Page

from .models import Comment
from .threads import thread_markup


def annotate_comment_count(articles: QuerySet) -> QuerySet:
    """Listings count published comments in the query that fetches the articles."""
    published = Q(comments__status=Comment.Status.PUBLISHED)
    return articles.annotate(comment_count=Count("comments", filter=published))


def teaser_count(article: Page, request: HttpRequest) -> str:
    count = getattr(article, "comment_count", 0)
    if not count:
        return ""
    return render_to_string(
        "comments/teaser_count.html",
        {
            "article": article,
            "request": request,  # for relative page URLs; no context processors per teaser
            "label": ngettext("%(counter)s comment", "%(counter)s comments", count)
            % {"counter": count},
        },
    )


def thread_section(request: HttpRequest, page: Page, context: dict[str, Any]) -> str:
    """The published thread, numbered and nested, and the form (or a closed notice),
    rendered with the article page's own context: its context processors already ran."""
    markup, count = thread_markup(page)
    return render_to_string(
        "comments/thread.html",
        {**context, "page": page, "comment_markup": markup, "comment_count": count},
    )
