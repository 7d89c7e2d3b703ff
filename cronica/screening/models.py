"""The newsroom's half of screening: token counts per label learned from moderation
decisions, kept in the database so that every app server scores with the same, current
counts (no files, no cloud service). The shipped model is a file (model.py)."""

from django.db import models


class LabelStat(models.Model):
    """How many moderated comments taught the model about ``label``, per class."""

    label = models.CharField(max_length=16, unique=True)
    positive_docs = models.IntegerField(default=0)
    negative_docs = models.IntegerField(default=0)
    positive_tokens = models.IntegerField(default=0)
    negative_tokens = models.IntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.label}: {self.positive_docs}+ / {self.negative_docs}-"


class TokenStat(models.Model):
    """In how many positive and negative comments a token appeared, per label."""

    label = models.CharField(max_length=16)
    token = models.CharField(max_length=64)
    positive = models.IntegerField(default=0)
    negative = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["label", "token"], name="tokenstat_unique_label_token")
        ]

    def __str__(self) -> str:
        return f"{self.label}:{self.token} {self.positive}/{self.negative}"
