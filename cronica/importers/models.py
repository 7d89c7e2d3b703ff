"""What an import created, keyed by the identifier the source system gave it.

Re-running an import must change nothing, so every post and downloaded image is recorded
here with its external identifier; the next run finds it and skips it. Comments need no
row here: ``Comment`` has its own ``(origin, external_id)`` key.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ImportedItem(models.Model):
    class Source(models.TextChoices):
        BLOGGER = "blogger", "Blogger"
        WORDPRESS = "wordpress", "WordPress"
        IMAGE_URL = "image-url", "Image downloaded from a URL"

    source = models.CharField(max_length=12, choices=Source.choices)
    external_id = models.CharField(max_length=255)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], name="importeditem_unique_source_id"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.external_id}"
