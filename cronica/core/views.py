"""Site-wide views that sit outside the page tree."""

from django.conf import settings
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .urlprefix import namespace_prefix


@require_GET
def language_root(request: HttpRequest) -> HttpResponse:
    """``/`` sends readers to a language. Spanish when the browser prefers it, English
    otherwise; the redirect varies on Accept-Language, the pages behind it do not."""
    from django.utils.translation import get_language_from_request

    if request.META.get("QUERY_STRING"):
        # An imported WordPress shortlink (/?p=123) answers before the language choice.
        from wagtail.contrib.redirects.middleware import get_redirect
        from wagtail.contrib.redirects.models import Redirect

        path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
        redirect = get_redirect(request, path)
        if redirect is not None and redirect.link:
            redirect_class = (
                HttpResponsePermanentRedirect if redirect.is_permanent else HttpResponseRedirect
            )
            return redirect_class(redirect.link)
    language = get_language_from_request(request, check_path=False)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language"
    return response


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Keeps crawlers out of the admin, the tip line and the comment forms of every
    language, by the addresses the URLconf gives them. The sitemap is named at the public
    address (``CRONICA_SITE_URL``), not at whatever Host the request carried, so a crawler
    reaching the site through a proxy or a bare IP is not sent elsewhere."""
    lines = ["User-agent: *", f"Disallow: {reverse('wagtailadmin_home')}"]
    for namespace in ("tips", "comments"):
        lines += [
            f"Disallow: {namespace_prefix(namespace, code)}" for code, _ in settings.LANGUAGES
        ]
    lines.append(f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
