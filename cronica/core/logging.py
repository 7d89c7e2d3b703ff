"""Logging that cannot leak who a reader is (design.md invariant 1)."""

import logging


class DropRequestFilter(logging.Filter):
    """Removes the request from log records.

    Django attaches the request to ``django.request`` records; a handler or formatter that
    renders it (mail_admins does, for one) would write the client address and user agent.
    The message itself (method and path) is kept.
    """

    def filter(self, record):
        if hasattr(record, "request"):
            record.request = None
        return True
