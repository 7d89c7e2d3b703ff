"""How published comments are shown: numbered threads, as reader-comment sections of
this kind of blog have always shown them (1., 2., ... with replies numbered under each)."""

from dataclasses import dataclass, field
from datetime import date

from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext, pgettext
from wagtail.models import Page

from .models import Comment
from .text import render
from .timerefs import link_references

# Replies nest under what they answer down to this many levels below a top-level comment,
# which still leaves a 360 px phone about 250 px of text per line. Deeper replies are shown
# at the last level, beside the comment they answer, with an "in reply to NAME" link.
MAX_DEPTH = 4


@dataclass
class ThreadItem:
    comment: Comment
    depth: int = 0
    replies: "list[ThreadItem]" = field(default_factory=list)
    # The comment this one answers, when it is not shown directly above (past MAX_DEPTH).
    in_reply_to: Comment | None = None
    siblings: "list[ThreadItem] | None" = field(default=None, repr=False)


def prepare(
    comment: Comment,
    references: dict[int, str] | None = None,
    days: dict[date, str] | None = None,
    anonymous: str | None = None,
) -> Comment:
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


def comment_thread(article: Page) -> list[ThreadItem]:
    """Published comments of ``article`` as a tree of ``ThreadItem``: top-level comments in
    time order, each reply under the comment it answers, down to ``MAX_DEPTH`` levels;
    deeper replies sit at the last level, in time order, marked with ``in_reply_to``.
    A reply whose parent is not published hangs from its nearest published ancestor, or
    becomes a top-level comment; only then is a second query needed (every comment's
    parent), usually one query. Each comment gets ``html``: its body rendered, with
    timestamp references linked to the comment they point at."""
    comments = list(
        Comment.objects.filter(article=article, status=Comment.Status.PUBLISHED)
        .order_by("created_at", "pk")
        .only("id", "parent_id", "author_name", "body", "created_at", "is_staff_reply")
    )
    published = {c.id: c for c in comments}
    parents: dict[int, int | None] = {}
    if any(c.parent_id is not None and c.parent_id not in published for c in comments):
        parents = dict(Comment.objects.filter(article=article).values_list("id", "parent_id"))
    references = link_references(comments)
    # Reversed once, filled per comment: a reverse() per comment is a visible part of
    # rendering a thread of thousands.
    reply_url = reverse("comments:reply", args=[0]).replace("/0/", "/{}/")
    report_url = reverse("comments:report", args=[0]).replace("/0/", "/{}/")
    days: dict[date, str] = {}
    anonymous = gettext("Anonymous")
    for comment in comments:
        prepare(comment, references.get(comment.id), days, anonymous)
        comment.reply_url = reply_url.format(comment.id)
        comment.report_url = report_url.format(comment.id)

    def nearest_published_ancestor(comment: Comment) -> int | None:
        node, seen = comment.parent_id, set()
        while node is not None and node not in seen:
            if node in published:
                return node
            seen.add(node)
            node = parents.get(node)
        return None

    top: list[ThreadItem] = []
    by_id: dict[int | None, ThreadItem] = {}
    for comment in comments:
        above = by_id.get(nearest_published_ancestor(comment))
        if above is None:  # top-level, or its parent is dated later (an odd import)
            item = ThreadItem(comment, siblings=top)
        elif above.depth < MAX_DEPTH:
            item = ThreadItem(comment, above.depth + 1, siblings=above.replies)
        else:
            item = ThreadItem(
                comment, above.depth, in_reply_to=above.comment, siblings=above.siblings
            )
        assert item.siblings is not None  # every branch above sets it
        item.siblings.append(item)
        by_id[comment.id] = item
    return top
