"""Tip line settings: a Django setting if the project defines one, else the environment
variable of the same name (so operators configure them like the rest of cronica), else the
default."""

import os

from django.conf import settings

MB = 1024 * 1024
DEFAULTS = {
    "CRONICA_TIPS_MAX_SUBMISSION_BYTES": 500 * MB,
    "CRONICA_TIPS_MAX_FILE_BYTES": 500 * MB,
    "CRONICA_TIPS_CLEAN_MAX_BYTES": 50 * MB,
    "CRONICA_TIPS_CLEAN_VIDEO_MAX_BYTES": 200 * MB,
    "CRONICA_TIPS_RETENTION_DAYS": 90,
}


def number(name):
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, DEFAULTS[name])
    return int(value)
