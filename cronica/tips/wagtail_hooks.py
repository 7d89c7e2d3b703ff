"""Admin wiring: the inbox menu item and URLs, its permission in the group editor, and
the recipients (journalists' public keys) as a snippet."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_urls
from .inbox import PERMISSION
from .models import Recipient


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def inbox_urls():
    return [path("tips/", include(admin_urls, namespace="tips_inbox"))]


@hooks.register("register_admin_menu_item")
def inbox_menu_item():
    return InboxMenuItem(_("Tip inbox"), reverse("tips_inbox:index"), icon_name="mail", order=250)


@hooks.register("register_permissions")
def tip_permissions():
    return Permission.objects.filter(
        content_type__app_label="tips",
        codename__in=["read_tips", "add_recipient", "change_recipient", "delete_recipient"],
    )


class RecipientViewSet(SnippetViewSet):
    model = Recipient
    icon = "key"
    menu_label = _("Tip recipients")
    list_display = ["name", "public_key", "active"]


register_snippet(RecipientViewSet)
