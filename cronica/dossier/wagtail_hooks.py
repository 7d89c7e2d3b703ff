"""The knowledge base in the editors' admin: entities (with aliases and relations), the
links the linker found (confirm or reject), extracted events (confirm before they count)
and the names articles use that the knowledge base does not know yet."""

from collections.abc import Iterable
from typing import Any, cast

from django.db.models import Count, Sum
from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView as SnippetCreateView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cronica.news.extensions import ARTICLE_BODY_FILTER

from . import article_counts, article_links
from .models import Entity, Event, Mention, Review, UnknownName


class EntityCreateView(SnippetCreateView):
    """The add form, prefilled from a suggested name (``?name=...&kind=...``)."""

    def get_initial_form_instance(self) -> Entity | None:
        instance = super().get_initial_form_instance()
        name = self.request.GET.get("name", "").strip()[:200]
        if self.request.method == "GET" and name:
            instance = instance or Entity()
            instance.name = name
            if self.request.GET.get("kind") in Entity.Kind.values:
                instance.kind = self.request.GET["kind"]
        return instance


class EntityViewSet(SnippetViewSet):
    model = Entity
    add_view_class = EntityCreateView
    icon = "group"
    list_display = ["name", "kind", "status", "updated_at"]
    list_filter = ["kind", "status"]
    search_fields = ["name"]


class MentionViewSet(SnippetViewSet):
    model = Mention
    icon = "link"
    menu_label = _("Links in articles")
    list_display = ["entity", "article", "surface", "count", "status"]
    list_filter = ["status"]
    ordering = ["status", "-article__first_published_at"]


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    list_display = ["__str__", "kind", "role", "status", "kg", "item_count", "occurred_on"]
    list_filter = ["kind", "role", "status"]


class SuggestionsView(WagtailAdminTemplateMixin, TemplateView):
    """Names used in several articles that no entity covers, most frequent first."""

    template_name = "dossier/admin/suggestions.html"
    page_title = _("Suggested entities")
    header_icon = "help"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["names"] = (
            UnknownName.objects.values("name", "kind_guess")
            .annotate(articles=Count("article", distinct=True), mentions=Sum("count"))
            .order_by("-articles", "-mentions", "name")[:200]
        )
        return context


class SuggestionsViewSet(ViewSet):
    name = "dossier_suggestions"
    icon = "help"
    menu_label = _("Suggested entities")

    def get_urlpatterns(self) -> list[URLPattern]:
        return [path("", SuggestionsView.as_view(), name="index")]


class KnowledgeBaseGroup(SnippetViewSetGroup):
    items = (EntityViewSet, MentionViewSet, EventViewSet)
    menu_label = _("Knowledge base")
    menu_icon = "site"
    menu_order = 250

    def __init__(self) -> None:
        super().__init__()
        self.registerables: list[Any] = [*self.registerables, SuggestionsViewSet()]


register_snippet(KnowledgeBaseGroup)


class ReviewBulkAction(SnippetBulkAction):
    """Confirm or reject many links or events at once from their listing: the review
    queue after a busy day of publishing should take minutes, not an edit form each."""

    models = [Mention, Event]
    template_name = "dossier/admin/confirm_bulk_review.html"
    # A Review value. TextChoices members are str; without Django's types mypy sees
    # (value, label), hence the casts below.
    new_status: str | None = None

    def check_perm(self, obj: Mention | Event) -> bool:
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    @classmethod
    def execute_action(cls, objects: Iterable[Mention | Event], **kwargs: Any) -> tuple[int, int]:
        model = kwargs["self"].model
        ids = [o.pk for o in objects]
        changed = model.objects.filter(pk__in=ids).update(status=cls.new_status)
        if model is Mention:  # a rejected link no longer counts, a confirmed one does
            article_counts.recount_mentions(ids)
        return changed, 0

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(action_label=self.display_name, **kwargs)

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str:
        return ngettext(
            "%(count)d item marked %(status)s.",
            "%(count)d items marked %(status)s.",
            num_parent_objects,
        ) % {"count": num_parent_objects, "status": Review(self.new_status).label}


@hooks.register("register_bulk_action")
class ConfirmBulkAction(ReviewBulkAction):
    display_name = _("Confirm")
    action_type = "confirm"
    aria_label = _("Confirm the selected items")
    action_priority = 10
    new_status = cast(str, Review.CONFIRMED)


@hooks.register("register_bulk_action")
class RejectBulkAction(ReviewBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected items")
    action_priority = 20
    new_status = cast(str, Review.REJECTED)


# First mentions linked on article pages (see cronica.news.extensions).
hooks.register(ARTICLE_BODY_FILTER, article_links.article_filter)
