"""Documents editors upload for articles lose their metadata before they are stored, with
the same cleaner as the tip line (``cronica.scrubbing``): a PDF or office file made from a
source's material carries the same GPS, names and paths as the source's own.

The form turns a file that cannot be cleaned into a form error; the ``pre_save`` receiver
cleans documents created any other way (importers, the shell) and refuses them likewise.
"""

from typing import Any

from django import forms
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.documents.forms import BaseDocumentForm

from cronica.scrubbing import files as scrubbing

# Kinds of file that can carry metadata; anything else (csv, txt) is stored as it is.
_CLEANED_KINDS = {"pdf", "office", "legacy", "image", "video"}


class UncleanableDocument(ValueError):
    pass


def clean_upload(upload: Any) -> Any:
    """A ContentFile with the cleaned bytes of ``upload`` (same name), or ``upload`` itself
    when it is plain text. Raises UncleanableDocument."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    result = scrubbing.scrub(data)
    if result.kind not in _CLEANED_KINDS:
        return upload
    if result.cleaned is None:
        raise UncleanableDocument(result.error or "unknown format")
    cleaned = ContentFile(result.cleaned, name=upload.name.rsplit("/", 1)[-1])
    cleaned.cronica_cleaned = True
    return cleaned


class CleanDocumentForm(BaseDocumentForm):
    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload  # unchanged on edit
        try:
            return clean_upload(upload)
        except UncleanableDocument as exc:
            raise forms.ValidationError(
                _("This file's metadata cannot be removed (%(reason)s), so it is not stored."),
                params={"reason": exc},
                code="uncleanable",
            ) from exc


def _clean_before_save(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Cleans a new or replaced file. One already written to storage by ``file.save()``
    (before any signal could see it) is read back, cleaned and the original deleted."""
    upload = instance.file
    if not upload or getattr(getattr(upload, "_file", None), "cronica_cleaned", False):
        return
    committed = getattr(upload, "_committed", True) is True
    if committed and not instance._state.adding:
        return  # an existing document whose file did not change
    try:
        cleaned = clean_upload(upload.open("rb") if committed else upload)
    except UncleanableDocument as exc:
        if committed:
            upload.storage.delete(upload.name)
        raise ValueError(f"Refusing a document that cannot be cleaned: {exc}") from exc
    if cleaned is upload or cleaned is getattr(upload, "_file", None):
        return  # plain text: nothing to clean
    if committed:
        upload.close()
        upload.storage.delete(upload.name)
    instance.file = cleaned
    instance._set_document_file_metadata()


def connect() -> None:
    pre_save.connect(
        _clean_before_save, sender=get_document_model(), dispatch_uid="cronica.news.documents"
    )
