"""The source's side of the tip line: advice, first submission, review, return visit.

No view sets a cookie or keeps anything about the client: forms carry what the next step
needs (the codename, a confirmation token), POSTs are checked to come from this site by
their Sec-Fetch-Site / Origin headers instead of a CSRF cookie, and flood limits use the
keyed hash of ``cronica.core.ratelimit``. Pages that show a codename are never cached.
"""

from functools import wraps
from urllib.parse import urlparse

from django.core import signing
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.crypto import constant_time_compare
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cronica.core import ratelimit
from cronica.scrubbing.findings import describe

from . import codenames, submissions
from .config import MB, number
from .keys import newsroom_recipients
from .uploads import BodyEndWatcher, EncryptingUploadHandler

MAX_MESSAGE = 100_000
MAX_LINKS = 100
_signer = signing.Signer(salt="cronica.tips.codename")


def _private(response):
    """Never stored by a browser or a cache: the page holds a codename or a reply."""
    add_never_cache_headers(response)
    patch_cache_control(response, no_store=True)
    return response


def same_origin(view):
    """Refuse cross-site POSTs without a CSRF cookie. Browsers send Sec-Fetch-Site; with
    Referrer-Policy no-referrer they send ``Origin: null``, so Origin is only checked when it
    names a real origin."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST":
            fetch_site = request.headers.get("Sec-Fetch-Site")
            origin = request.headers.get("Origin")
            if fetch_site is not None and fetch_site not in ("same-origin", "none"):
                return _error(request, _("This form must be sent from this site."), 403)
            if origin and origin != "null" and urlparse(origin).netloc != request.get_host():
                return _error(request, _("This form must be sent from this site."), 403)
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapped)


def _error(request, message, status):
    return _private(render(request, "tips/error.html", {"message": message}, status=status))


def _limits():
    return {
        "max_submission_mb": number("CRONICA_TIPS_MAX_SUBMISSION_BYTES") // MB,
        "max_file_mb": number("CRONICA_TIPS_MAX_FILE_BYTES") // MB,
    }


def _closed(request):
    return render(request, "tips/closed.html", status=503)


@require_GET
def index(request):
    if not newsroom_recipients():
        return _closed(request)
    return render(request, "tips/index.html", _limits())


def _new_form_context(codename, **extra):
    return {
        "mode": "new",
        "codename": codename,
        "codename_signature": _signer.signature(codename),
        **_limits(),
        **extra,
    }


@require_GET
def new(request):
    if not newsroom_recipients():
        return _closed(request)
    codename = codenames.generate(get_language() or "en")
    return _private(render(request, "tips/new.html", _new_form_context(codename)))


@same_origin
@require_http_methods(["GET", "POST"])
def return_visit(request):
    if not newsroom_recipients():
        return _closed(request)
    if request.method == "GET":
        return _private(render(request, "tips/return.html"))
    if not ratelimit.hit(request, "tips-codename", 30, 3600):
        return _error(request, _("Too many attempts. Please wait an hour and try again."), 429)
    codename = request.POST.get("codename", "")
    source, identity = submissions.find_source(codename)
    if source is None:
        return _private(
            render(
                request,
                "tips/return.html",
                {"error": _("That codename is not right. Check each word and try again.")},
                status=400,
            )
        )
    source.touch()
    return _conversation(request, source, identity, codename)


def _conversation(request, source, identity, codename, **extra):
    context = {
        "mode": "return",
        "codename": codename,
        "replies": submissions.read_replies(source, identity),
        **_limits(),
        **extra,
    }
    return _private(render(request, "tips/conversation.html", context))


def _links(text):
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    bad = [line for line in lines if urlparse(line).scheme not in ("http", "https")]
    return lines, bad


@same_origin
@require_POST
def send(request):
    recipients = newsroom_recipients()
    if not recipients:
        return _closed(request)
    if not ratelimit.hit(request, "tips-send", 20, 3600):
        return _error(request, _("Too many submissions. Please wait an hour and try again."), 429)
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


def _form_again(request, mode, codename, source, identity, errors, message, links):
    values = {"errors": errors, "message": message, "links": links}
    if mode == "return" and source is not None:
        return _conversation(request, source, identity, codename, **values)
    if mode == "return":
        return _private(render(request, "tips/return.html", {"error": errors[0]}, status=400))
    if not codenames.looks_valid(codename):
        codename = codenames.generate(get_language() or "en")
    response = render(request, "tips/new.html", _new_form_context(codename, **values), status=400)
    return _private(response)


def _describe(f):
    return {
        "name": f.name,
        "size": f.size,
        "findings": describe(f.findings),
        "cleanable": f.cleanable,
        "kind": f.kind,
        # Cleaning takes names and dates off comments and tracked changes, not their text.
        "keeps_text": f.cleanable and bool({"comments", "revisions"} & set(f.findings)),
    }


@same_origin
@require_POST
def confirm(request):
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
