"""Every signed-in request passes here: an expired staff session is ended, and a session
that has a password but no second factor yet reaches only the second-factor pages.

Elsewhere such a half-signed-in user is anonymous, so no view (admin, previews, private
documents) can grant anything on a password alone. This wraps the whole admin without
touching each Wagtail view, and holds for views added later.
"""

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from . import sessions, twofactor

# Views an unverified user must reach to finish signing in, or to give up.
SECOND_FACTOR_VIEWS = {"staff_enrol", "staff_verify", "wagtailadmin_logout"}
# Admin views that need no signed-in user at all (the sign-in page itself among them).
OPEN_ADMIN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
}


class StaffSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # No session, no user; and not touching the session keeps a reader's response
            # free of "Vary: Cookie" (docs/invariants.md, invariant 6).
            return self.get_response(request)
        user = request.user
        if not user.is_authenticated:
            return self.get_response(request)
        if sessions.expired(request.session):
            logout(request)
            return self.get_response(request)
        sessions.touch(request.session)
        if user.is_verified():
            return self.get_response(request)
        name = _url_name(request)
        if name in SECOND_FACTOR_VIEWS:
            return self.get_response(request)
        if request.path.startswith(reverse("wagtailadmin_home")) and name not in OPEN_ADMIN_VIEWS:
            target = "staff_verify" if twofactor.is_enrolled(user) else "staff_enrol"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        request.user = _anonymous()
        return self.get_response(request)


def _anonymous() -> AnonymousUser:
    user = AnonymousUser()
    user.is_verified = lambda: False  # as django-otp's middleware gives every user
    return user


def _url_name(request: HttpRequest) -> str | None:
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return None
