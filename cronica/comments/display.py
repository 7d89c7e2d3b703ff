"""How published comments are shown: numbered threads, as reader-comment sections of
this kind of blog have always shown them (1., 2., ... with replies numbered under each)."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext, pgettext

from .models import Comment
from .text import render
from .timerefs import link_references


@dataclass
class ThreadItem:
    comment: Comment
    number: str
    replies: list = field(default_factory=list)


def prepare(comment, references=None, days=None, anonymous=None):
    """Sets what the comment template shows: the rendered body and the posting time in the
    site's time zone. Django's date formatting is a large part of rendering a long
    thread, so the date part is formatted once per day (``days`` caches it across a
    thread) and the time part, "9:35 AM" as timestamp references expect, by hand."""
    local = timezone.localtime(comment.created_at)
    days = {} if days is None else days
    day = local.date()
    if day not in days:
        days[day] = dateformat.format(local, "N j, Y")
    hour = local.hour % 12 or 12
    half = pgettext("time of day", "AM") if local.hour < 12 else pgettext("time of day", "PM")
    comment.html = render(comment.body, references)
    comment.shown_name = comment.author_name or anonymous or gettext("Anonymous")
    comment.when_iso = local.isoformat()
    comment.when = f"{days[day]} {hour}:{local.minute:02d} {half}"
    return comment


def comment_thread(article):
    """Published comments of ``article`` as numbered top-level items, each with its replies
    (all descendants, flattened in time order and numbered 1, 2, ...), built from a single
    query. A reply whose parent is not published hangs from its nearest published
    ancestor, or becomes a top-level comment. Each comment gets ``html``: its body
    rendered, with timestamp references linked to the comment they point at."""
    comments = list(
        Comment.objects.filter(article=article, status=Comment.Status.PUBLISHED)
        .order_by("created_at", "pk")
        .only("id", "parent_id", "author_name", "body", "created_at", "is_staff_reply")
    )
    parents = dict(Comment.objects.filter(article=article).values_list("id", "parent_id"))
    published = {c.id for c in comments}
    references = link_references(comments)
    reply_url = reverse("comments:reply", args=[0]).replace("/0/", "/{}/")
    report_url = reverse("comments:report", args=[0]).replace("/0/", "/{}/")
    days, anonymous = {}, gettext("Anonymous")
    for comment in comments:
        prepare(comment, references.get(comment.id), days, anonymous)
        comment.reply_url = reply_url.format(comment.id)
        comment.report_url = report_url.format(comment.id)

    def published_root(comment):
        node = comment.parent_id
        root = None
        seen = set()
        while node is not None and node not in seen:
            seen.add(node)
            if node in published:
                root = node
            node = parents.get(node)
        return root

    top, by_id = [], {}
    for comment in comments:
        root = published_root(comment)
        if root is None or root not in by_id:
            item = ThreadItem(comment, str(len(top) + 1))
            top.append(item)
            by_id[comment.id] = item
        else:
            parent_item = by_id[root]
            parent_item.replies.append(ThreadItem(comment, str(len(parent_item.replies) + 1)))
            by_id[comment.id] = parent_item
    return top
