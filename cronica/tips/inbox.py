"""The journalists' inbox, a Wagtail admin area behind the ``tips.read_tips`` permission.

The server cannot read a tip, so the inbox shows what it does know: each source under a
random two-word designation, its submissions with their sizes, the hour they arrived and a
flag on files whose metadata was not removed. Journalists download ciphertext (one file, or
a zip of a whole submission with its encrypted manifest) and decrypt it on their own
machine with `cronica tips decrypt` or `age -d`.
"""

import zipfile
from collections.abc import Iterator

from django.contrib import messages
from django.db.models import Count, Max, Q, QuerySet, Sum
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required

from . import blobs, demo, recipients, submissions
from .models import Recipient, Source, StoredFile, Submission

PERMISSION = "tips.read_tips"


def _visible(queryset: QuerySet) -> QuerySet:
    return queryset.filter(pending=False)


@permission_required(PERMISSION)
def index(request: HttpRequest) -> HttpResponse:
    sources = (
        Source.objects.annotate(
            count=Count("submissions", filter=Q(submissions__pending=False)),
            unread=Count(
                "submissions", filter=Q(submissions__pending=False, submissions__read=False)
            ),
            starred_submissions=Count(
                "submissions", filter=Q(submissions__pending=False, submissions__starred=True)
            ),
            size=Sum("submissions__files__size", filter=Q(submissions__pending=False)),
            uncleaned=Count(
                "submissions__files",
                filter=Q(submissions__pending=False, submissions__files__metadata_removed=False),
            ),
            latest=Max("submissions__arrived", filter=Q(submissions__pending=False)),
        )
        .filter(count__gt=0)
        .order_by("-starred", "-latest")
    )
    return render(
        request,
        "tips/admin/index.html",
        {
            "sources": sources,
            "notices": recipients.notices(),
            "demo_key": Recipient.objects.filter(public_key=demo.demo_recipient()).exists(),
        },
    )


@permission_required(PERMISSION)
def source(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    items = list(_visible(source.submissions.prefetch_related("files")))
    for item in items:  # only in the demo, with its demo-only key (see demo.py)
        item.demo_manifest = demo.read_manifest(item)
    return render(
        request,
        "tips/admin/source.html",
        {"source": source, "submissions": items, "replies": source.replies.all()},
    )


@require_POST
@permission_required(PERMISSION)
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    try:
        submissions.reply(source, request.POST.get("text", ""))
    except ValueError:
        messages.error(request, _("Write a reply before sending it."))
    else:
        messages.success(
            request, _("Reply encrypted for the source. Only their codename opens it.")
        )
    return redirect("tips_inbox:source", pk=pk)


@require_POST
@permission_required(PERMISSION)
def flag(request: HttpRequest, pk: int) -> HttpResponse:
    """Toggle read/starred on a submission, or starred on its source."""
    submission = get_object_or_404(_visible(Submission.objects), pk=pk)
    what = request.POST.get("flag")
    if what == "read":
        submission.read = not submission.read
        submission.save(update_fields=["read"])
    elif what == "starred":
        submission.starred = not submission.starred
        submission.save(update_fields=["starred"])
    elif what == "source_starred":
        submission.source.starred = not submission.source.starred
        submission.source.save(update_fields=["starred"])
    return redirect("tips_inbox:source", pk=submission.source_id)


@require_POST
@permission_required(PERMISSION)
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    submission = get_object_or_404(Submission, pk=pk)
    source = submission.source
    submissions.delete_submission(submission)
    messages.success(request, _("Submission deleted, files removed from disk."))
    if not source.submissions.exists():
        submissions.delete_source(source)
        return redirect("tips_inbox:index")
    return redirect("tips_inbox:source", pk=source.pk)


def _mark_read(submission: Submission) -> None:
    if not submission.read:
        submission.read = True
        submission.save(update_fields=["read"])


@permission_required(PERMISSION)
def download_file(request: HttpRequest, pk: int) -> FileResponse:
    stored = get_object_or_404(StoredFile, pk=pk, submission__pending=False)
    _mark_read(stored.submission)
    return FileResponse(
        open(blobs.path_of(stored.blob), "rb"),
        as_attachment=True,
        filename=f"{stored.blob}.age",
        content_type="application/octet-stream",
    )


@permission_required(PERMISSION)
def download_manifest(request: HttpRequest, pk: int) -> FileResponse:
    submission = get_object_or_404(_visible(Submission.objects), pk=pk)
    _mark_read(submission)
    return FileResponse(
        open(blobs.path_of(submission.manifest), "rb"),
        as_attachment=True,
        filename=f"{submission.manifest}.age",
        content_type="application/octet-stream",
    )


class _Sink:
    """A write-only stream for zipfile; the response takes what was written so far."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data, self.parts = b"".join(self.parts), []
        return data


def _zip_stream(names: list[str]) -> Iterator[bytes]:
    sink = _Sink()
    # zipfile never closes a stream it was handed, so _Sink has no close().
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_STORED) as archive:  # type: ignore[call-overload]
        for name in names:
            info = zipfile.ZipInfo(f"{name}.age", date_time=(1980, 1, 1, 0, 0, 0))
            with (
                archive.open(info, "w", force_zip64=True) as target,
                open(blobs.path_of(name), "rb") as source,
            ):
                while chunk := source.read(1 << 20):
                    target.write(chunk)
                    yield sink.take()
    yield sink.take()


@permission_required(PERMISSION)
def download_all(request: HttpRequest, pk: int) -> StreamingHttpResponse:
    submission = get_object_or_404(_visible(Submission.objects), pk=pk)
    _mark_read(submission)
    names = [submission.manifest, *submission.files.values_list("blob", flat=True)]
    response = StreamingHttpResponse(_zip_stream(names), content_type="application/zip")
    filename = f"{submission.source.designation.replace(' ', '-')}-{submission.pk}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
