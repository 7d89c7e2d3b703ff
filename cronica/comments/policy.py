"""Where a comment may be posted and how it is treated: the site's settings, an article's
own override, and the closing rules."""

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone
from wagtail.models import Site

from .models import ArticleCommentPolicy, Comment, CommentSettings

EDIT_WINDOW = timedelta(minutes=15)


def site_settings(article: Any) -> CommentSettings:
    """The comment settings of the article's site. The site comes from Wagtail's cached
    site root paths (``get_url_parts``), so this is one query, not one for the site too."""
    parts = article.get_url_parts()
    if parts is not None:
        return CommentSettings.objects.get_or_create(site_id=parts[0])[0]
    return CommentSettings.for_site(Site.objects.filter(is_default_site=True).first())


def mode_for(article: Any, settings: CommentSettings | None = None) -> str:
    """The article's own mode if it has one, else the site's. No query when the article
    was fetched with ``select_related("comment_policy")``."""
    try:
        return article.comment_policy.mode
    except ArticleCommentPolicy.DoesNotExist:
        return (settings or site_settings(article)).mode


def is_open(
    article: Any, settings: CommentSettings | None = None, now: datetime | None = None
) -> bool:
    """Readers can comment: the article is live, not closed by an editor, and younger
    than the site's closing age (if any)."""
    if not article.live or article.comments_closed:
        return False
    days = (settings or site_settings(article)).close_after_days
    if days:
        published = article.first_published_at or article.go_live_at
        if published and (now or timezone.now()) > published + timedelta(days=days):
            return False
    return True


def can_edit(comment: Comment, reader: Any, now: datetime | None = None) -> bool:
    """The commenter (same reader token) can still edit or delete ``comment``.

    Only while it waits or is published: an editor's rejection or spam verdict is final,
    and a comment screened as a threat is kept unchanged as evidence."""
    return (
        reader is not None
        and comment.reader_id == reader.pk
        and comment.status in (comment.Status.PENDING, comment.Status.PUBLISHED)
        and not comment.urgent
        and (now or timezone.now()) - comment.created_at <= EDIT_WINDOW
    )
