"""Tip line settings, read from Django's settings only (cronica/settings.py fills them from
the environment once, like the rest of cronica); the defaults live here."""

from django.conf import settings

MB = 1024 * 1024
DEFAULTS = {
    "CRONICA_TIPS_MAX_SUBMISSION_BYTES": 500 * MB,
    "CRONICA_TIPS_MAX_FILE_BYTES": 500 * MB,
    "CRONICA_TIPS_CLEAN_MAX_BYTES": 50 * MB,
    "CRONICA_TIPS_CLEAN_VIDEO_MAX_BYTES": 200 * MB,
    "CRONICA_TIPS_RETENTION_DAYS": 90,
}


def number(name: str) -> int:
    value = getattr(settings, name, None)
    return int(DEFAULTS[name] if value is None else value)
