"""Admin forms for the news app."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class CleanImageForm(BaseImageForm):
    """Alt text is required: readers on screen readers and on slow connections rely on it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].required = True
            self.fields["description"].label = _("Alt text")
            self.fields["description"].help_text = _(
                "Describe what the image shows for readers who cannot see it."
            )
