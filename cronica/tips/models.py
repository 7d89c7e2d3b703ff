"""What the server keeps about tips: only ciphertext, coarse times and random names.

There is no column for a codename, a message, a file name or an exact time. A source is
found by a slow hash of its codename (see ``codenames``); each submission's message, links
and file list live in an age-encrypted manifest on disk, next to one ciphertext per file.
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import timing
from .keys import parse_recipient


class Recipient(models.Model):
    """A journalist's age public key, managed in the admin. Tips are encrypted to every
    active recipient here and to those in ``CRONICA_TIPS_RECIPIENTS``."""

    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("Who holds the matching identity (a pen name is fine)."),
    )
    public_key = models.CharField(
        _("age recipient"),
        max_length=100,
        unique=True,
        help_text=_("Printed by `cronica tips keygen`: age1..."),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("tip recipient")
        verbose_name_plural = _("tip recipients")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        try:
            parse_recipient(self.public_key)
        except ValueError as exc:
            raise ValidationError({"public_key": str(exc)}) from exc


class SiteSalt(models.Model):
    """One random salt for codename hashing, shared by every app server through the
    database. A per-source salt would force a slow hash per stored source on each lookup."""

    value = models.CharField(max_length=64)

    @classmethod
    def get(cls) -> bytes:
        salt = cls.objects.order_by("pk").first()
        if salt is None:
            cls.objects.create(value=secrets.token_hex(32))
            salt = cls.objects.order_by("pk").first()
        return bytes.fromhex(salt.value)


class Source(models.Model):
    """Someone who sent a tip. ``lookup`` is derived from the codename by Argon2id, and
    ``reply_key`` is the age recipient whose identity only the codename can rebuild."""

    id = models.BigIntegerField(primary_key=True, default=timing.random_id, editable=False)

    designation = models.CharField(max_length=80, unique=True)
    lookup = models.CharField(max_length=64, unique=True)
    reply_key = models.CharField(max_length=100)
    first_seen = models.DateTimeField(default=timing.this_hour)
    last_activity = models.DateTimeField(default=timing.this_hour)
    starred = models.BooleanField(default=False)

    class Meta:
        ordering = ["-last_activity", "designation"]
        permissions = [("read_tips", "Can read the tip inbox and reply to sources")]

    def __str__(self) -> str:
        return self.designation

    def touch(self) -> None:
        self.last_activity = timing.this_hour()
        self.save(update_fields=["last_activity"])


class Submission(models.Model):
    """One sending by a source. With files it stays ``pending`` until the source has seen
    what the files reveal and chosen to send cleaned copies or originals."""

    id = models.BigIntegerField(primary_key=True, default=timing.random_id, editable=False)

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="submissions")
    arrived = models.DateTimeField(default=timing.this_hour)
    pending = models.BooleanField(default=False)
    confirm_token = models.CharField(max_length=64, blank=True)
    manifest = models.CharField(max_length=64)  # blob name of the encrypted manifest
    read = models.BooleanField(default=False)
    starred = models.BooleanField(default=False)
    notified = models.BooleanField(default=False)

    class Meta:
        ordering = ["-arrived", "-pk"]

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files.all())

    @property
    def uncleaned(self) -> bool:
        return any(not f.metadata_removed for f in self.files.all())


class StoredFile(models.Model):
    """One encrypted file of a submission, under a random name. While the submission is
    pending, a file may have two versions (original and cleaned); confirmation keeps one."""

    id = models.BigIntegerField(primary_key=True, default=timing.random_id, editable=False)

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveSmallIntegerField()
    blob = models.CharField(max_length=64, unique=True)
    size = models.BigIntegerField()
    metadata_removed = models.BooleanField(default=False)
    is_original = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "is_original"]


class Reply(models.Model):
    """A journalist's answer, encrypted to the source's reply key (ASCII-armored age)."""

    id = models.BigIntegerField(primary_key=True, default=timing.random_id, editable=False)

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="replies")
    ciphertext = models.TextField()
    sent = models.DateTimeField(default=timing.this_hour)

    class Meta:
        ordering = ["sent", "pk"]
