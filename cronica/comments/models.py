"""Reader comments.

A comment belongs to an article, may answer another comment (``parent``), and carries a
moderation status. It stores what the reader wrote and the name they chose, nothing about
who or where they are: no address, no user agent, no e-mail (design.md invariant 1).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    class Origin(models.TextChoices):
        SITE = "site", _("Posted on this site")
        BLOGGER = "blogger", _("Imported from Blogger")
        WORDPRESS = "wordpress", _("Imported from WordPress")
        DEMO = "demo", _("Demo content")

    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE,
                                related_name="comments")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="replies")
    author_name = models.CharField(_("name"), max_length=80, blank=True)
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    is_staff_reply = models.BooleanField(
        default=False, help_text=_("Written by an editor on behalf of the site."))
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.SITE)
    external_id = models.CharField(
        max_length=255, blank=True,
        help_text=_("Identifier in the system the comment was imported from."))

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["article", "status", "created_at"]),
            models.Index(fields=["status", "created_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["origin", "external_id"],
                condition=~models.Q(external_id=""),
                name="comment_unique_import_id",
            )
        ]

    def __str__(self):
        return f"{self.display_name}: {self.body[:60]}"

    @property
    def display_name(self):
        from django.utils.translation import gettext

        return self.author_name or gettext("Anonymous")
