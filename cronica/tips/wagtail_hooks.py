"""Admin wiring: the inbox menu item and URLs, its permission in the group editor, and
the recipients (journalists' public keys) as a snippet whose changes are guarded (see
``recipients``)."""

from collections.abc import Iterable
from typing import Any

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import URLResolver, include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets

from . import admin_urls, recipients
from .inbox import PERMISSION
from .models import Recipient


class InboxMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def inbox_urls() -> list[URLResolver]:
    return [path("tips/", include(admin_urls, namespace="tips_inbox"))]


@hooks.register("register_admin_menu_item")
def inbox_menu_item() -> MenuItem:
    return InboxMenuItem(
        gettext_lazy("Tip inbox"), reverse("tips_inbox:index"), icon_name="mail", order=250
    )


@hooks.register("register_permissions")
def tip_permissions() -> QuerySet:
    return Permission.objects.filter(
        content_type__app_label="tips",
        codename__in=["read_tips", "add_recipient", "change_recipient", "delete_recipient"],
    )


class AddRecipient(recipients.GuardedRecipientView, snippets.CreateView):
    def save_instance(self) -> Recipient:
        instance = super().save_instance()
        recipients.record_change(self.request.user, "added", instance)
        return instance


class CopyRecipient(recipients.GuardedRecipientView, snippets.CopyView):
    def save_instance(self) -> Recipient:
        instance = super().save_instance()
        recipients.record_change(self.request.user, "added", instance)
        return instance


class EditRecipient(recipients.GuardedRecipientView, snippets.EditView):
    def save_instance(self) -> Recipient:
        before = Recipient.objects.get(pk=self.object.pk)
        instance = super().save_instance()
        changes = [
            f"{field}: {getattr(before, field)} → {getattr(instance, field)}"
            for field in ("name", "public_key", "active")
            if getattr(before, field) != getattr(instance, field)
        ]
        recipients.record_change(self.request.user, "changed", instance, "; ".join(changes))
        return instance


class RemoveRecipient(recipients.GuardedRecipientView, snippets.DeleteView):
    def delete_action(self) -> None:
        recipients.record_change(self.request.user, "removed", self.object)
        super().delete_action()


class RecipientViewSet(snippets.SnippetViewSet):
    model = Recipient
    icon = "key"
    menu_label = gettext_lazy("Tip recipients")
    list_display = ["name", "public_key", "active"]
    add_view_class = AddRecipient
    copy_view_class = CopyRecipient
    edit_view_class = EditRecipient
    delete_view_class = RemoveRecipient


register_snippet(RecipientViewSet)


@hooks.register("before_bulk_action")
def no_bulk_recipient_changes(
    request: HttpRequest, action_type: str, objects: Iterable[Any], action_class_instance: Any
) -> HttpResponse | None:
    """Bulk actions would bypass the guarded views: recipients change one at a time."""
    if any(isinstance(obj, Recipient) for obj in objects):
        messages.error(request, _("Change tip recipients one at a time."))
        return redirect(reverse("wagtailsnippets_tips_recipient:list"))
    return None  # not a recipient: the bulk action goes on
