"""Admin forms for the news app."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from cronica.scrubbing.images import NotAnImage, clean_image


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, plus a full decode by the metadata cleaner.

    Wagtail only reads an upload's header; a truncated or corrupt file gets past it and
    fails later, when the cleaner rebuilds the pixels on save (a server error). Decoding
    here turns that into a form error, before anything is stored.
    """

    def check_image_pixel_size(self, f: Any) -> None:
        try:
            super().check_image_pixel_size(f)
        except (OSError, SyntaxError, ValueError) as exc:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc

    def to_python(self, data: Any) -> Any:
        f = super().to_python(data)
        if f is not None:
            try:
                clean_image(f)
            except NotAnImage as exc:  # say why: "too large" is not "corrupted"
                raise ValidationError(
                    _("This image cannot be used: %(reason)s."),
                    code="invalid_image",
                    params={"reason": exc},
                ) from exc
            finally:
                f.seek(0)
        return f


class CleanImageForm(BaseImageForm):
    """Alt text is required: readers on screen readers and on slow connections rely on it."""

    file = CheckedImageField(label=_("File"), widget=forms.FileInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].required = True
            self.fields["description"].label = _("Alt text")
            self.fields["description"].help_text = _(
                "Describe what the image shows for readers who cannot see it."
            )
