"""Times the tip line keeps are rounded down to the hour (issue 4: no exact time), in the
database and on the files it writes."""

import os

from django.utils import timezone


def this_hour():
    return timezone.now().replace(minute=0, second=0, microsecond=0)


def blur_mtime(path):
    """Set a file's access and modification times to the start of the current hour."""
    stamp = this_hour().timestamp()
    os.utime(path, (stamp, stamp))
