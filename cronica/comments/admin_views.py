"""The moderation queue in the Wagtail admin.

Built for one or two volunteers reading everything: one page per tab, newest or most
suspect first, the parent comment and the screening reasons beside each comment, every
decision one click or one key away (j/k to move, a/r/s to approve, reject, mark spam, x
to select), and bulk decisions on the selected rows. Threats have their own tab and are
never published without an editor's decision.
"""

from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from cronica.screening.explain import describe
from cronica.screening.thresholds import FLAG

from . import moderation
from .highlight import highlight
from .models import Comment, Reader, RejectReason

PERMISSION = "comments.change_comment"
PER_PAGE = 50
S = Comment.Status
TABS = [
    ("pending", gettext_lazy("Pending"), Q(status=S.PENDING, urgent=False)),
    ("urgent", gettext_lazy("Urgent: threats"), Q(status=S.PENDING, urgent=True)),
    ("review", gettext_lazy("Published, to review"), Q(status=S.PUBLISHED, flagged=True)),
    ("published", gettext_lazy("Published"), Q(status=S.PUBLISHED)),
    ("rejected", gettext_lazy("Rejected"), Q(status=S.REJECTED)),
    ("spam", gettext_lazy("Spam"), Q(status=S.SPAM)),
]
SORTS = {
    "new": ("-created_at", "-pk"),
    "old": ("created_at", "pk"),
    "score": ("-score", "-created_at"),
}


def _require(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def queue(request: HttpRequest) -> HttpResponse:
    _require(request)
    tab = request.GET.get("tab", "pending")
    filters = {key: q for key, _label, q in TABS}
    if tab not in filters:
        tab = "pending"
    sort = request.GET.get("sort", "new")
    if sort not in SORTS:
        sort = "new"
    article_id = _int(request.GET.get("article"))
    base = Comment.objects.filter(filters[tab])
    if article_id:
        base = base.filter(article_id=article_id)
    rows = (
        base.select_related("article", "parent", "reader")
        .defer("article__body", "learned")
        .order_by(*SORTS[sort])
    )
    counts = _tab_counts()
    paginator = Paginator(rows, PER_PAGE)
    if not article_id and tab in counts:
        paginator.count = counts[tab]  # already counted; saves a second COUNT(*)
    page = paginator.get_page(request.GET.get("page"))
    for comment in page.object_list:
        screening = comment.screening or {}
        comment.marked = highlight(comment.body, screening.get("matches"))
        comment.reasons = [describe(r) for r in screening.get("explain") or ()] or screening.get(
            "reasons", []
        )
        comment.suggested_reason = comment.reject_reason or _suggested_reason(comment)
    return render(
        request,
        "comments/admin/queue.html",
        {
            "tabs": [(key, label, counts.get(key)) for key, label, _q in TABS],
            "tab": tab,
            "sort": sort,
            "article_id": article_id,
            "page": page,
            "reasons": RejectReason.choices,
            "query": request.GET.urlencode(),
        },
    )


def _tab_counts() -> dict[str, int]:
    """Counts for the tabs (not "published": it only grows and nobody works through it).
    Pending is all pending minus the urgent ones: both are index-only counts, where
    "pending and not urgent" would visit every pending row."""
    urgent = Comment.objects.filter(status=S.PENDING, urgent=True).count()
    counts = {
        "pending": Comment.objects.filter(status=S.PENDING).count() - urgent,
        "urgent": urgent,
    }
    for key, _label, q in TABS:
        if key not in counts and key != "published":
            counts[key] = Comment.objects.filter(q).count()
    return counts


def _suggested_reason(comment: Comment) -> str:
    """The reject reason screening points at, preselected in the row."""
    scores = comment.screening or {}
    for label, reason in (
        ("threat", RejectReason.THREAT),
        ("doxxing", RejectReason.PERSONAL),
        ("abuse", RejectReason.INSULT),
        ("spam", RejectReason.SPAM),
    ):
        if (scores.get(label) or 0) >= FLAG:
            # TextChoices members are str; without Django's types mypy sees (value, label).
            return cast(str, reason)
    return cast(str, RejectReason.OTHER)


@require_POST
def decide(request: HttpRequest) -> HttpResponse:
    """One decision (button ``one`` = "id:action") or a bulk one (``ids`` + ``action``)."""
    _require(request)
    one = request.POST.get("one", "")
    if one:
        pk, _sep, action = one.partition(":")
        ids = [_int(pk)]
        reason = request.POST.get(f"reason-{pk}") or RejectReason.OTHER
    else:
        ids = [_int(i) for i in request.POST.getlist("ids")]
        action = request.POST.get("action", "")
        reason = request.POST.get("reason") or RejectReason.OTHER
    ids = [i for i in ids if i]
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = "comments_admin:queue"
    if not ids:
        messages.error(request, _("Select at least one comment."))
        return redirect(back)
    try:
        changed = moderation.decide(
            Comment.objects.filter(pk__in=ids).select_related("article"),
            action,
            user=request.user,
            reason=reason,
        )
    except ValueError as error:
        messages.error(request, str(error))
        return redirect(back)
    messages.success(request, _("%(n)d comment(s) updated.") % {"n": changed})
    return redirect(back)


def reader(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request)
    person = get_object_or_404(Reader, pk=pk)
    if request.method == "POST":
        moderation.set_blocked(person, request.POST.get("blocked") == "1")
        return redirect("comments_admin:reader", pk)
    comments = person.comments.select_related("article").order_by("-created_at")[:100]
    return render(request, "comments/admin/reader.html", {"reader": person, "comments": comments})
