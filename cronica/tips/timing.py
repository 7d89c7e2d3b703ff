"""Times the tip line keeps are rounded down to the hour (no exact time: docs/security.md), in the
database and on the files it writes."""

import os
import secrets
from datetime import datetime

from django.utils import timezone


def this_hour() -> datetime:
    return timezone.now().replace(minute=0, second=0, microsecond=0)


def blur_mtime(path: str | os.PathLike[str]) -> None:
    """Set a file's (or folder's) access and modification times to the start of the
    current hour."""
    stamp = this_hour().timestamp()
    os.utime(path, (stamp, stamp))


def random_id() -> int:
    """A random primary key for tip rows: sequential ids would give away their order
    within the hour (docs/security.md). Below 2**53, so any JSON reader keeps it whole."""
    return secrets.randbelow(2**53 - 1) + 1
