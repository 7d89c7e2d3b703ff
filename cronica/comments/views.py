"""Readers' side of comments: post, reply, see one's own comment's status, edit or delete
it within the window, and report someone else's.

Every POST is csrf-exempt and checked with ``cronica.core.origin.same_origin`` instead, because the
article page the form lives on is cached and carries no token. Only posting sets a
cookie (the reader token, scoped to /<lang>/comments/); nothing here stores or logs the
client's address: flood limits use core.ratelimit's rotating keyed hash.
"""

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from cronica.core import ratelimit
from cronica.core.origin import same_origin
from cronica.core.writegate import write_transaction

from . import pipeline, policy, reports, targets
from .display import prepare
from .forms import CommentForm, EditForm, ReportForm
from .models import Comment
from .moderation import purge_articles
from .reader import Reader, set_cookie


def _within_limit(request: HttpRequest, scope: str) -> bool:
    """The flood limit of ``scope`` ("comment" or "report"), read from the settings
    (CRONICA_COMMENT_LIMIT ...) at each request. Behind a shared address (an onion
    service) the limit is a budget for everybody per minute instead
    (cronica/core/ratelimit.py): a flood holds comments back while it lasts."""
    name = f"CRONICA_{scope.upper()}"
    limit, window = getattr(settings, f"{name}_LIMIT")
    budget = getattr(settings, f"{name}_SHARED_BUDGET")
    return ratelimit.allow(request, scope, limit, window, shared_budget=budget)


def _refuse(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(request, "comments/message.html", {"message": message}, status=status)


def _cross_site(request: HttpRequest) -> HttpResponse:
    return _refuse(request, _("This form can only be sent from this site's own pages."), 403)


@csrf_exempt
@require_POST
def post_comment(request: HttpRequest, article_id: int) -> HttpResponse:
    if not same_origin(request):
        return _cross_site(request)
    if not _within_limit(request, "comment"):
        return _refuse(
            request, _("Too many comments in a short time. Wait a minute and try again."), 429
        )
    # The live article with its own moderation policy and its site's settings, from this
    # process's memory while nothing that decides them has changed (targets.py).
    target = targets.lookup(article_id)
    if target is None:
        raise Http404
    article, site_settings = target.article, target.settings
    if not policy.is_open(article, site_settings):
        return _refuse(request, _("Comments on this article are closed."), 403)
    form = CommentForm(request.POST, article=article)
    if not form.is_valid():
        return render(
            request,
            "comments/form_page.html",
            {"article": article, "form": form, "parent": None, "open": True},
            status=400,
        )
    reader, token = Reader.from_request(request), None
    if reader is None:
        reader, token = Reader.new_with_token()
    comment = Comment(
        article=article,
        parent=form.cleaned_data["parent"],
        reader=reader,
        author_name=form.cleaned_data["name"],
        body=form.cleaned_data["body"],
        is_staff_reply=(
            request.user.is_authenticated and request.user.has_perm("comments.change_comment")
        ),
    )
    if form.is_bot:
        comment.status = Comment.Status.SPAM
        comment.screening = {"reasons": ["spam: filled in the hidden field"]}
    else:
        pipeline.screen(comment, site_settings)  # reads only: before the write lock
    # A new reader and its first comment: one short commit, behind the write gate so that
    # a flood's writers queue for SQLite's write lock without polling for it.
    with write_transaction():
        if token:
            reader.save()  # comment.save() then takes the reader's new id (Django >= 3.2)
        comment.save()
    if comment.status == Comment.Status.PUBLISHED:
        transaction.on_commit(lambda: purge_articles([article]))
    response = redirect(reverse("comments:status", args=[comment.pk]), permanent=False)
    response.status_code = 303
    if token:
        set_cookie(response, token, translation.get_language())
    return response


def _own_comment(request: HttpRequest, pk: int) -> tuple[Comment, Reader]:
    """The comment ``pk`` if the reader cookie says it is the requester's, else 404."""
    reader = Reader.from_request(request)
    comment = Comment.objects.select_related("article").filter(pk=pk).first()
    if reader is None or comment is None or comment.reader_id != reader.pk:
        raise Http404
    return comment, reader


@never_cache
@require_GET
def comment_status(request: HttpRequest, pk: int) -> HttpResponse:
    comment, reader = _own_comment(request, pk)
    prepare(comment)
    editable = policy.can_edit(comment, reader)
    form = (
        EditForm(initial={"name": comment.author_name, "body": comment.body}) if editable else None
    )
    return render(
        request,
        "comments/status.html",
        {
            "comment": comment,
            "editable": editable,
            "form": form,
            "minutes_left": _minutes_left(comment) if editable else 0,
        },
    )


def _minutes_left(comment: Comment) -> int:
    left = comment.created_at + policy.EDIT_WINDOW - timezone.now()
    return max(1, int(left.total_seconds() // 60))


@csrf_exempt
@require_POST
def edit_comment(request: HttpRequest, pk: int) -> HttpResponse:
    if not same_origin(request):
        return _cross_site(request)
    comment, reader = _own_comment(request, pk)
    if not policy.can_edit(comment, reader):
        return _refuse(request, _("This comment can no longer be edited."), 403)
    form = EditForm(request.POST, article=comment.article)
    if not form.is_valid():
        prepare(comment)
        return render(
            request,
            "comments/status.html",
            {
                "comment": comment,
                "editable": True,
                "form": form,
                "minutes_left": _minutes_left(comment),
            },
            status=400,
        )
    was_public = comment.status == Comment.Status.PUBLISHED
    comment.author_name = form.cleaned_data["name"]
    comment.body = form.cleaned_data["body"]
    comment.edited_at = timezone.now()
    pipeline.screen_and_save(comment)
    if was_public or comment.status == Comment.Status.PUBLISHED:
        transaction.on_commit(lambda: purge_articles([comment.article]))
    return _see_status(comment)


@csrf_exempt
@require_POST
def delete_comment(request: HttpRequest, pk: int) -> HttpResponse:
    if not same_origin(request):
        return _cross_site(request)
    comment, reader = _own_comment(request, pk)
    if not policy.can_edit(comment, reader):
        return _refuse(request, _("This comment can no longer be deleted."), 403)
    was_public = comment.status == Comment.Status.PUBLISHED
    comment.status = Comment.Status.DELETED
    if not comment.urgent:  # a threat stays as evidence, unpublished
        comment.body, comment.author_name = "", ""
    comment.save()
    if was_public:
        transaction.on_commit(lambda: purge_articles([comment.article]))
    return _see_status(comment)


def _see_status(comment: Comment) -> HttpResponse:
    response = redirect(reverse("comments:status", args=[comment.pk]))
    response.status_code = 303
    return response


@require_GET
def reply_form(request: HttpRequest, pk: int) -> HttpResponse:
    """The reply form on a page of its own, for readers without JavaScript."""
    parent = get_object_or_404(
        Comment.objects.select_related("article"),
        pk=pk,
        status=Comment.Status.PUBLISHED,
        article__live=True,
    )
    prepare(parent)
    article = parent.article
    return render(
        request,
        "comments/form_page.html",
        {
            "article": article,
            "parent": parent,
            "open": policy.is_open(article),
            "form": CommentForm(initial={"parent": parent.pk}, article=article),
        },
    )


@csrf_exempt
def report_comment(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(
        Comment.objects.select_related("article"), pk=pk, status=Comment.Status.PUBLISHED
    )
    prepare(comment)
    if request.method != "POST":
        return render(request, "comments/report.html", {"comment": comment, "form": ReportForm()})
    if not same_origin(request):
        return _cross_site(request)
    if not _within_limit(request, "report"):
        return _refuse(request, _("Too many reports in a short time."), 429)
    form = ReportForm(request.POST)
    if not form.is_valid():
        return render(
            request, "comments/report.html", {"comment": comment, "form": form}, status=400
        )
    thanks = _("Thank you. An editor will look at this comment again.")
    reports.record(
        request, comment, form.cleaned_data["reason"], policy.site_settings(comment.article)
    )
    return _refuse(request, thanks, 200)
