"""Reader comments.

A comment belongs to an article, may answer another comment (``parent``), and carries a
moderation status. It stores what the reader wrote and the name they chose, nothing about
who or where they are: no address, no user agent, no e-mail (docs/invariants.md, invariant 1).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .reader import Reader  # noqa: F401  (registered model)


class Mode(models.TextChoices):
    """How new comments are treated, after screening has had its say."""

    HOLD_ALL = "hold", _("Hold every comment for review")
    FLAGGED_ONLY = "flagged", _("Hold only flagged comments and new readers")
    PUBLISH_THEN_REVIEW = "review", _("Publish at once, review afterwards")


class RejectReason(models.TextChoices):
    """Shown to the commenter on their comment's status page."""

    INSULT = "insult", _("Insults or harassment")
    THREAT = "threat", _("Threat or call to violence")
    PERSONAL = "personal", _("Identifies a private person")
    SPAM = "spam", _("Advertising or spam")
    OFF_TOPIC = "offtopic", _("Off topic")
    OTHER = "other", _("Against the comment policy")


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    """Per-site comment policy; an article can override the mode (ArticleCommentPolicy)."""

    mode = models.CharField(
        _("moderation mode"), max_length=10, choices=Mode.choices, default=Mode.HOLD_ALL
    )
    close_after_days = models.PositiveIntegerField(
        _("close comments after (days)"),
        default=0,
        help_text=_("0 keeps comments open for as long as the article is online."),
    )
    trusted_after = models.PositiveIntegerField(
        _("trust a reader after (approved comments)"),
        default=3,
        help_text=_(
            "In the flagged-only mode, a reader with this many approved comments and "
            "none rejected skips the queue unless screening flags the comment."
        ),
    )
    report_threshold = models.PositiveIntegerField(
        _("reports before review"),
        default=3,
        help_text=_(
            "Weight of reports (2 for a trusted reader, 1 for others) after which a "
            "published comment waits for an editor's review. Reports never unpublish it."
        ),
    )

    class Meta:
        verbose_name = _("comment settings")


class ArticleCommentPolicy(models.Model):
    """An article's own moderation mode, overriding the site's."""

    article = models.OneToOneField(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="comment_policy"
    )
    mode = models.CharField(_("moderation mode"), max_length=10, choices=Mode.choices)

    class Meta:
        verbose_name = _("article comment policy")
        verbose_name_plural = _("article comment policies")

    def __str__(self) -> str:
        return f"{self.article}: {self.get_mode_display()}"


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")
        DELETED = "deleted", _("Deleted by its author")

    class Origin(models.TextChoices):
        SITE = "site", _("Posted on this site")
        BLOGGER = "blogger", _("Imported from Blogger")
        WORDPRESS = "wordpress", _("Imported from WordPress")
        DEMO = "demo", _("Demo content")

    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author_name = models.CharField(_("name"), max_length=80, blank=True)
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    is_staff_reply = models.BooleanField(
        default=False, help_text=_("Written by an editor on behalf of the site.")
    )
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.SITE)
    external_id = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Identifier in the system the comment was imported from."),
    )

    # Moderation and screening (all empty for imported comments).
    reader = models.ForeignKey(
        Reader, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    screening = models.JSONField(default=dict, blank=True)
    score = models.FloatField(default=0.0, help_text=_("Highest screening score."))
    urgent = models.BooleanField(
        default=False,
        help_text=_("Screened as a threat: never published automatically, kept as evidence."),
    )
    flagged = models.BooleanField(
        default=False, help_text=_("Published, but waiting for an editor's review.")
    )
    reject_reason = models.CharField(max_length=10, choices=RejectReason.choices, blank=True)
    report_count = models.PositiveIntegerField(default=0)
    learned = models.JSONField(
        default=dict,
        blank=True,
        help_text=_("What the screening model learned from the last decision, to undo it."),
    )
    edited_at = models.DateTimeField(null=True, blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["article", "status", "created_at"]),
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["status", "score"]),
            # Partial indexes: SQLite cannot use an index for a bare boolean term.
            models.Index(
                fields=["status", "created_at"],
                condition=models.Q(flagged=True),
                name="comment_review_idx",
            ),
            models.Index(
                fields=["status", "created_at"],
                condition=models.Q(urgent=True),
                name="comment_urgent_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["origin", "external_id"],
                condition=~models.Q(external_id=""),
                name="comment_unique_import_id",
            )
        ]

    def __str__(self) -> str:
        return f"{self.display_name}: {self.body[:60]}"

    @property
    def display_name(self) -> str:
        from django.utils.translation import gettext

        return self.author_name or gettext("Anonymous")


class Report(models.Model):
    """A reader's report of a published comment. Nothing about the reporter is kept."""

    class Reason(models.TextChoices):
        ABUSE = "abuse", _("Insult, harassment or hate")
        THREAT = "threat", _("Threat or call to violence")
        PERSONAL = "personal", _("Reveals someone's identity or address")
        SPAM = "spam", _("Spam or advertising")
        FALSE = "false", _("False or misleading")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=10, choices=Reason.choices)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.comment_id}: {self.reason}"
