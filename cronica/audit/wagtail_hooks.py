"""Admin wiring: the audit log page under Settings (administrators only), and publishing
recorded in it."""

from typing import Any

from django.http import HttpRequest
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .log import record


class AdministratorsOnly(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.is_superuser


@hooks.register("register_admin_urls")
def audit_urls() -> list[URLPattern]:
    return [path("audit/", views.index, name="audit_log")]


@hooks.register("register_settings_menu_item")
def audit_menu_item() -> MenuItem:
    return AdministratorsOnly(_("Audit log"), reverse("audit_log"), icon_name="list-ul", order=900)


@hooks.register("after_publish_page")
def page_published(request: HttpRequest, page: Any) -> None:
    record(request.user, "news.page_published", page.get_admin_display_title())
