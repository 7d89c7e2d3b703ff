"""The knowledge base in the editors' admin: entities (with aliases and relations), the
links the linker found (confirm or reject), extracted events (confirm before they count)
and the names articles use that the knowledge base does not know yet."""

from django.db.models import Count, Sum
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Entity, Event, Mention, UnknownName


class EntityViewSet(SnippetViewSet):
    model = Entity
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
    list_display = ["__str__", "kind", "status", "kg", "value_usd", "occurred_on"]
    list_filter = ["kind", "status"]


class SuggestionsView(WagtailAdminTemplateMixin, TemplateView):
    """Names used in several articles that no entity covers, most frequent first."""

    template_name = "dossier/admin/suggestions.html"
    page_title = _("Suggested entities")
    header_icon = "help"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["names"] = (UnknownName.objects.values("name", "kind_guess")
                            .annotate(articles=Count("article", distinct=True),
                                      mentions=Sum("count"))
                            .order_by("-articles", "-mentions", "name")[:200])
        return context


class SuggestionsViewSet(ViewSet):
    name = "dossier_suggestions"
    icon = "help"
    menu_label = _("Suggested entities")

    def get_urlpatterns(self):
        return [path("", SuggestionsView.as_view(), name="index")]


class KnowledgeBaseGroup(SnippetViewSetGroup):
    items = (EntityViewSet, MentionViewSet, EventViewSet)
    menu_label = _("Knowledge base")
    menu_icon = "site"
    menu_order = 250

    def __init__(self):
        super().__init__()
        self.registerables = [*self.registerables, SuggestionsViewSet()]


register_snippet(KnowledgeBaseGroup)
