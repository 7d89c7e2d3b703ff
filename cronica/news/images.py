"""The site's image model: every file loses its metadata before it is stored.

Wagtail copies EXIF (GPS included) from an original into its renditions; stripping the
original on save means there is nothing left to copy, whichever path created the image
(admin upload, bulk upload, importer, demo loader).
"""

import os
from typing import Any

from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from cronica.scrubbing.images import NotAnImage, clean_image


class CleanImage(AbstractImage):
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Photographer or source, shown under the image."),
    )
    metadata_removed = models.BooleanField(default=False, editable=False)

    admin_form_fields = Image.admin_form_fields + ("credit",)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.file and not getattr(self.file, "_committed", True):
            self._scrub_file()
        super().save(*args, **kwargs)

    def _scrub_file(self) -> None:
        self.file.seek(0)
        try:
            cleaned = clean_image(self.file)
        except NotAnImage as exc:
            raise ValueError(f"Refusing an image that cannot be cleaned: {exc}") from exc
        stem = os.path.splitext(os.path.basename(self.file.name))[0] or "image"
        self.file: Any = ContentFile(cleaned.data, name=f"{stem}.{cleaned.extension}")
        self._set_image_file_metadata()
        self.metadata_removed = True


class CleanRendition(AbstractRendition):
    image = models.ForeignKey(CleanImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
