"""The second-factor pages: enrolment on first sign-in, the code after each password
sign-in, and the fresh check that sensitive actions (tip recipients) ask for."""

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cronica.audit.log import record

from . import sessions, twofactor
from .forms import CodeForm


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def _to(name: str, request: HttpRequest) -> HttpResponse:
    return redirect(f"{reverse(name)}?{urlencode({'next': _next(request)})}")


def _wrong_code(user: Any, text: str) -> str:
    if twofactor.throttled(user):
        return _("%(text)s After wrong codes you must wait a little longer each time.") % {
            "text": text
        }
    return text


def enrol(request: HttpRequest) -> HttpResponse:
    """Show the QR code and secret of a new authenticator device; a right code confirms it
    and shows the recovery codes, once."""
    user = request.user
    if twofactor.is_enrolled(user):
        return _to("staff_verify", request)
    device = twofactor.pending_device(user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        codes = twofactor.confirm_enrolment(request, device, form.cleaned_data["code"])
        if codes is not None:
            record(user, "staff.2fa_enrolled", str(user), "authenticator app and recovery codes")
            return render(
                request, "staff/recovery_codes.html", {"codes": codes, "next": _next(request)}
            )
        form.add_error("code", _wrong_code(user, _("That code is not the current one.")))
    return render(
        request,
        "staff/enrol.html",
        {
            "form": form,
            "qr": twofactor.qr_svg(device),
            "secret": twofactor.secret_of(device),
            "next": _next(request),
        },
    )


def verify(request: HttpRequest) -> HttpResponse:
    """Ask for the second factor. Also the fresh check: a verified user sent here by a
    sensitive action confirms again and goes back."""
    user = request.user
    if not twofactor.is_enrolled(user):
        return _to("staff_enrol", request)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = twofactor.check(user, form.cleaned_data["code"])
        if device is not None:
            twofactor.mark_verified(request, device)
            if device.name == twofactor.RECOVERY_DEVICE_NAME:
                left = twofactor.remaining_recovery_codes(user)
                record(user, "staff.recovery_code_used", str(user), f"{left} left")
                messages.warning(
                    request,
                    _(
                        "You used a recovery code; %(left)d left. Make new ones from your account page."
                    )
                    % {"left": left},
                )
            return redirect(_next(request))
        form.add_error("code", _wrong_code(user, _("That code was not accepted.")))
    recheck = user.is_verified() and not sessions.second_factor_fresh(request.session)
    return render(
        request, "staff/verify.html", {"form": form, "next": _next(request), "recheck": recheck}
    )


@require_http_methods(["GET", "POST"])
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """A signed-in user's own new set of recovery codes (the old ones stop working). Needs a
    fresh code first, like any change to how the account signs in."""
    user = request.user
    if request.method == "POST":
        if not sessions.second_factor_fresh(request.session):
            return redirect(f"{reverse('staff_verify')}?{urlencode({'next': request.path})}")
        codes = twofactor.new_recovery_codes(user)
        record(user, "staff.recovery_codes_issued", str(user), "by themselves")
        return render(
            request,
            "staff/recovery_codes.html",
            {"codes": codes, "next": reverse("wagtailadmin_account")},
        )
    return render(
        request,
        "staff/new_recovery_codes.html",
        {"left": twofactor.remaining_recovery_codes(user)},
    )
