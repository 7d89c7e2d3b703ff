"""Admin wiring of the second-factor pages (their URLs live under /admin/), and the
account page's link to new recovery codes."""

from typing import Any

from django.http import HttpRequest
from django.urls import URLPattern, include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import urls


@hooks.register("register_admin_urls")
def second_factor_urls() -> list[URLPattern]:
    return [path("", include(urls))]


@hooks.register("register_account_menu_item")
def recovery_codes_item(request: HttpRequest) -> dict[str, Any]:
    return {
        "url": reverse("staff_recovery_codes"),
        "label": _("New recovery codes"),
        "help_text": _("Replace your two-factor recovery codes; the old ones stop working."),
    }
