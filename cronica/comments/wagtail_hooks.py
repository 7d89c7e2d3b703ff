"""Admin wiring: the moderation queue's menu item and URLs, and the per-article mode
override as a snippet."""

from django.http import HttpRequest
from django.urls import URLPattern, URLResolver, include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cronica.news.extensions import ARTICLE_LISTING, ARTICLE_SECTIONS, ARTICLE_TEASER

from . import admin_urls, article
from .admin_views import PERMISSION
from .models import ArticleCommentPolicy


class QueueMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def queue_urls() -> list[URLPattern | URLResolver]:
    return [path("comments/", include(admin_urls, namespace="comments_admin"))]


@hooks.register("register_admin_menu_item")
def queue_menu_item() -> MenuItem:
    return QueueMenuItem(
        _("Comments"), reverse("comments_admin:queue"), icon_name="comment", order=240
    )


class ArticleCommentPolicyViewSet(SnippetViewSet):
    model = ArticleCommentPolicy
    icon = "comment"
    menu_label = _("Article comment modes")
    list_display = ["article", "mode"]


register_snippet(ArticleCommentPolicyViewSet)


# Comments on the news app's pages (see cronica.news.extensions).
hooks.register(ARTICLE_LISTING, article.annotate_comment_count)
hooks.register(ARTICLE_TEASER, article.teaser_count)
hooks.register(ARTICLE_SECTIONS, article.thread_section)
