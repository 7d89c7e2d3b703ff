"""What a file can reveal about the person who made it, in words a source understands.

Cleaners report a set of these codes; the tip line shows their labels to the source before
sending and the journalist's inbox shows whether anything was left in.
"""

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

LABELS = {
    "gps": _("the GPS position where it was taken"),
    "device": _("the make and model of the camera or phone"),
    "datetime": _("the date and time it was made"),
    "software": _("the software or device that edited or produced it"),
    "author": _("the name of its author or of the last person who saved it"),
    "organization": _("a company or organization name"),
    "comments": _("comments or their authors"),
    "revisions": _("tracked changes or revision identifiers"),
    "xmp": _("an XMP metadata packet (may hold names, places and edit history)"),
    "iptc": _("IPTC captions, credits or keywords"),
    "icc": _("a colour profile that can identify the device"),
    "thumbnail": _("an embedded thumbnail (may show the picture before it was cropped)"),
    "text_comment": _("an embedded text comment"),
    "title": _("a title, subject or keywords"),
    "data_tracks": _("extra data tracks (sensor, location or timecode streams)"),
    "paths": _("folder paths from the computer that saved it (often with the user name)"),
    "attachments": _("attached or embedded files"),
    "scripts": _("scripts or actions that run when it is opened"),
    "form_data": _("filled-in form fields"),
    "cover": _("a cover picture (with its own metadata, such as GPS)"),
    "bitstream": _(
        "data inside the video stream (dashcams write GPS there, encoders their settings)"
    ),
    "embedded": _("an embedded object that we cannot clean"),
    "other": _("other embedded metadata"),
}


def describe(codes: Iterable[str]) -> list[str]:
    """Human-readable labels for ``codes``, in the active language, in a stable order."""
    return [LABELS[code] for code in LABELS if code in set(codes)]
