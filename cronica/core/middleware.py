"""Response headers that hold docs/invariants.md, invariants 2 and 6, for every public page."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "media-src 'self'",
        "style-src 'self'",
        "script-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ]
)
# Wagtail's admin still relies on inline styles and scripts; it stays on our own origin.
ADMIN_CSP = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "style-src 'self' 'unsafe-inline'",
        "script-src 'self' 'unsafe-inline'",
        "connect-src 'self'",
        "frame-src 'self'",
        "frame-ancestors 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)


class SecurityHeadersMiddleware:
    """Adds a strict Content-Security-Policy (no third-party requests), and removes the
    ``Vary: Cookie`` a cache would otherwise have to key on when the response sets no
    cookie and the reader sent none that matters."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.admin_prefixes = ("/admin/", "/django-admin/")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        admin = request.path.startswith(self.admin_prefixes)
        response.headers.setdefault("Content-Security-Policy", ADMIN_CSP if admin else PUBLIC_CSP)
        # In the admin, "no-referrer" makes browsers send "Origin: null" on form posts,
        # which Django's CSRF check rejects; same-origin never leaves the site either.
        response.headers.setdefault(
            "Referrer-Policy", "same-origin" if admin else settings.SECURE_REFERRER_POLICY
        )
        response.headers.setdefault(
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()",
        )
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class PublicCacheMiddleware:
    """Marks what an anonymous reader reads as cacheable by a shared cache.

    A response qualifies when it is a GET or HEAD outside the admin, sets no cookie, and
    says nothing about caching itself (views that must not be cached, such as forms with
    state, set their own ``Cache-Control``). A 304 from ``ConditionalGetMiddleware`` (which
    sees the page before this middleware does) qualifies like the page it stands for, so
    it carries the same ``Cache-Control`` (RFC 9110, section 15.4.5), as a 304 from the page
    cache does. Editors' requests (they carry a session
    cookie) are left alone. Publishing purges the affected URLs (cronica/news/purge.py),
    so the shared-cache lifetime can be longer than the browser's.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.max_age = int(getattr(settings, "CRONICA_CACHE_MAX_AGE", 0))
        self.shared_max_age = int(getattr(settings, "CRONICA_CACHE_SHARED_MAX_AGE", 600))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code in (200, 301, 302, 304, 404)
            and not response.cookies
            and "Cache-Control" not in response.headers
            and not request.path.startswith(("/admin/", "/django-admin/"))
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        ):
            response.headers["Cache-Control"] = (
                f"public, max-age={self.max_age}, s-maxage={self.shared_max_age}"
            )
        return response
