"""The audit log of staff actions. It names staff and what they did to newsroom objects
(tip recipients, second-factor devices, published pages); it has no field for a reader, a
commenter or a source, and callers never pass one."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Entry(models.Model):
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The name is kept as it was, so the entry still says who after the account is gone.
    actor_name = models.CharField(_("who"), max_length=150)
    action = models.CharField(_("what"), max_length=60, db_index=True)
    subject = models.CharField(_("on"), max_length=200)
    detail = models.CharField(_("detail"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.subject}"
