"""The source's side of the tip line: advice, first submission, review, return visit.

No view sets a cookie or keeps anything about the client: forms carry what the next step
needs (the codename, a confirmation token), POSTs are checked to come from this site by
their Sec-Fetch-Site / Origin headers instead of a CSRF cookie, and flood limits use the
keyed hash of ``cronica.core.ratelimit``. Pages that show a codename are never cached.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlparse

from django.core import signing
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.crypto import constant_time_compare
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from pyrage import x25519

from cronica.core import proofofwork, ratelimit
from cronica.core.origin import same_origin
from cronica.scrubbing.findings import describe

from . import codenames, submissions
from .config import MB, number
from .models import Source
from .recipients import newsroom_recipients
from .uploads import BodyEndWatcher, EncryptedFile, EncryptingUploadHandler

MAX_MESSAGE = 100_000
MAX_LINKS = 100
_signer = signing.Signer(salt="cronica.tips.codename")


def _private(response: HttpResponse) -> HttpResponse:
    """Never stored by a browser or a cache: the page holds a codename or a reply."""
    add_never_cache_headers(response)
    patch_cache_control(response, no_store=True)
    return response


def from_this_site(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Refuse cross-site POSTs without a CSRF cookie: the same check as every public form
    (``cronica.core.origin.same_origin``)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST" and not same_origin(request):
            return _error(request, _("This form must be sent from this site."), 403)
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapped)


def _work() -> dict[str, Any]:
    """A fresh proof-of-work challenge for the form (cronica/core/proofofwork.py)."""
    return {"work_challenge": proofofwork.challenge(), "work_bits": proofofwork.bits()}


def _too_many(request: HttpRequest, message: str) -> HttpResponse:
    if ratelimit.shared_address(request):
        message = _("The tip line is busy. Please wait a minute and try again.")
    return _error(request, message, 429)


def _error(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return _private(render(request, "tips/error.html", {"message": message}, status=status))


def _limits() -> dict[str, int]:
    return {
        "max_submission_mb": number("CRONICA_TIPS_MAX_SUBMISSION_BYTES") // MB,
        "max_file_mb": number("CRONICA_TIPS_MAX_FILE_BYTES") // MB,
    }


def _closed(request: HttpRequest) -> HttpResponse:
    return render(request, "tips/closed.html", status=503)


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    if not newsroom_recipients():
        return _closed(request)
    return render(request, "tips/index.html", _limits())


def _new_form_context(codename: str, **extra: Any) -> dict[str, Any]:
    return {
        "mode": "new",
        "codename": codename,
        "codename_signature": _signer.signature(codename),
        **_limits(),
        **_work(),
        **extra,
    }


@require_GET
def new(request: HttpRequest) -> HttpResponse:
    if not newsroom_recipients():
        return _closed(request)
    codename = codenames.generate(get_language() or "en")
    return _private(render(request, "tips/new.html", _new_form_context(codename)))


@from_this_site
@require_http_methods(["GET", "POST"])
def return_visit(request: HttpRequest) -> HttpResponse:
    if not newsroom_recipients():
        return _closed(request)
    if request.method == "GET":
        return _private(render(request, "tips/return.html", _work()))
    if not ratelimit.allow(request, "tips-codename", 30, 3600, shared_budget=60):
        return _too_many(request, _("Too many attempts. Please wait an hour and try again."))
    codename = request.POST.get("codename", "")
    source, identity = submissions.find_source(codename)
    if source is None:
        return _private(
            render(
                request,
                "tips/return.html",
                {
                    "error": _("That codename is not right. Check each word and try again."),
                    **_work(),
                },
                status=400,
            )
        )
    source.touch()
    return _conversation(request, source, identity, codename)


def _conversation(
    request: HttpRequest,
    source: Source,
    identity: x25519.Identity,
    codename: str,
    **extra: Any,
) -> HttpResponse:
    context = {
        "mode": "return",
        "codename": codename,
        "replies": submissions.read_replies(source, identity),
        **_limits(),
        **_work(),
        **extra,
    }
    return _private(render(request, "tips/conversation.html", context))


def _links(text: str | None) -> tuple[list[str], list[str]]:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    bad = [line for line in lines if urlparse(line).scheme not in ("http", "https")]
    return lines, bad


@from_this_site
@require_POST
def send(request: HttpRequest) -> HttpResponse:
    recipients = newsroom_recipients()
    if not recipients:
        return _closed(request)
    if not ratelimit.allow(request, "tips-send", 20, 3600, shared_budget=20):
        return _too_many(request, _("Too many submissions. Please wait an hour and try again."))
    too_large = _("Your files are too large: at most %(mb)s MB per submission.") % {
        "mb": _limits()["max_submission_mb"]
    }
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length > number("CRONICA_TIPS_MAX_SUBMISSION_BYTES") + MB:
        return _error(request, too_large, 413)

    handler = EncryptingUploadHandler(recipients, request)
    request.upload_handlers = [handler]
    content_type = request.META.get("CONTENT_TYPE", "")
    watcher = None
    if content_type.lower().startswith("multipart/"):
        watcher = request._stream = BodyEndWatcher(request._stream, content_type)
    try:
        post, _files = request.POST, request.FILES
        if watcher is not None and not watcher.complete():
            raise MultiPartParserError("the body ended before its closing boundary")
    except (MultiPartParserError, RequestDataTooBig, TooManyFieldsSent):
        handler.upload_interrupted()
        return _error(request, _("The submission could not be read. Please try again."), 400)
    except BaseException:  # the client went away mid-upload, or worse: keep nothing
        handler.upload_interrupted()
        raise
    if handler.error is not None:
        return _error(request, too_large, 413)

    files = handler.results
    mode = post.get("mode")
    message = post.get("message", "").strip()
    links, bad_links = _links(post.get("links", ""))
    errors, source, identity = [], None, None
    codename = post.get("codename", "")
    if mode == "new":
        shown = post.get("codename_shown", "")
        if not constant_time_compare(_signer.signature(shown), post.get("codename_signature", "")):
            errors.append(_("This form has expired. Please start again."))
        elif codenames.normalize(codename) != codenames.normalize(shown):
            errors.append(
                _(
                    "The codename you typed does not match the one shown. Type it "
                    "exactly, word by word."
                )
            )
        codename = shown
    elif mode == "return":
        source, identity = submissions.find_source(codename)
        if source is None:
            errors.append(_("That codename is not right. Check each word and try again."))
    else:
        errors.append(_("This form has expired. Please start again."))
    if not message and not links and not files:
        errors.append(_("Your submission is empty: write a message, add a link or attach a file."))
    if len(message) > MAX_MESSAGE:
        errors.append(_("Your message is too long (at most 100,000 characters)."))
    if bad_links or len(links) > MAX_LINKS:
        errors.append(
            _(
                "Each line of the links box must be one web address starting with "
                "http:// or https://."
            )
        )
    if codename and (
        codenames.contains(message, codename) or codenames.contains("\n".join(links), codename)
    ):
        errors.append(
            _(
                "Your message contains your codename. Remove it: nobody, not even "
                "us, should ever see it."
            )
        )

    if errors:
        handler.abort_all()
        return _form_again(
            request, mode, codename, source, identity, errors, message, post.get("links", "")
        )

    if source is None:
        source = submissions.source_for_new_codename(codename)
    submission, token = submissions.record(
        source, get_language(), message, links, files, recipients
    )
    if token is None:
        return _private(render(request, "tips/sent.html", {"mode": mode}))
    return _private(
        render(
            request,
            "tips/review.html",
            {"token": token, "mode": mode, "files": [_describe(f) for f in files]},
        )
    )


def _form_again(
    request: HttpRequest,
    mode: str,
    codename: str,
    source: Source | None,
    identity: x25519.Identity | None,
    errors: list[str],
    message: str,
    links: str,
) -> HttpResponse:
    values = {"errors": errors, "message": message, "links": links}
    if mode == "return" and source is not None:
        return _conversation(request, source, identity, codename, **values)
    if mode == "return":
        context = {"error": errors[0], **_work()}
        return _private(render(request, "tips/return.html", context, status=400))
    if not codenames.looks_valid(codename):
        codename = codenames.generate(get_language() or "en")
    response = render(request, "tips/new.html", _new_form_context(codename, **values), status=400)
    return _private(response)


def _describe(f: EncryptedFile) -> dict[str, Any]:
    return {
        "name": f.name,
        "size": f.size,
        "findings": describe(f.findings),
        "cleanable": f.cleanable,
        "kind": f.kind,
        # Cleaning takes names and dates off comments and tracked changes, not their text.
        "keeps_text": f.cleanable and bool({"comments", "revisions"} & set(f.findings)),
    }


@from_this_site
@require_POST
def confirm(request: HttpRequest) -> HttpResponse:
    submission = submissions.pending_submission(request.POST.get("token", ""))
    if submission is None:
        return _error(
            request,
            _(
                "This submission was already sent or has expired. If it "
                "expired, please send it again."
            ),
            400,
        )
    if request.POST.get("action") == "cancel":
        source = submission.source
        submissions.delete_submission(submission)
        if not source.submissions.exists() and not source.replies.exists():
            source.delete()  # a first tip cancelled: not even the source row remains
        return _private(render(request, "tips/cancelled.html"))
    submissions.confirm(submission, keep_originals=request.POST.get("metadata") == "keep")
    return _private(render(request, "tips/sent.html", {"confirmed": True}))
