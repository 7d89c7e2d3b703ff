"""Logging that cannot leak who a reader is (docs/security.md, "Addresses, times and sizes").

Two layers: Django's records lose the request they carry (``DropRequestFilter``), and every
record that reaches a handler, Django's or gunicorn's, has any IP address in its message
or traceback replaced (``RedactAddressFilter``). gunicorn itself writes
``Invalid request from ip=...`` for malformed or oversized requests, so ``cronica serve``
runs it with ``AddresslessLogger``, which puts the same filter on gunicorn's error log and
never writes an access log.
"""

import ipaddress
import logging
import re
from typing import Any

from gunicorn.glogging import Logger as GunicornLogger

REDACTED = "[address removed]"
# Candidates only: each match is checked with ipaddress before it is replaced, so clock
# times such as 18:53:05 stay readable.
_CANDIDATE = re.compile(
    r"(?<![\w.:])(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}"
    r"(?:%\w+)?)(?::\d{1,5})?(?![\w.:])"
)
_IP_FIELD = re.compile(r"\bip=(?!\[)\S*?(?=:?\s|:?$)")


def _is_address(text: str) -> bool:
    host = text.split("%")[0]
    if host.count(":") == 1 or (host.count(".") == 3 and ":" in host):
        host = host.rsplit(":", 1)[0]  # address:port
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def redact(text: str) -> str:
    """``text`` with every IPv4/IPv6 address (and any ``ip=`` field) removed."""
    text = _IP_FIELD.sub(f"ip={REDACTED}", text)
    return _CANDIDATE.sub(lambda m: REDACTED if _is_address(m.group(0)) else m.group(0), text)


class DropRequestFilter(logging.Filter):
    """Removes the request from log records.

    Django attaches the request to ``django.request`` records; a handler or formatter that
    renders it (mail_admins does, for one) would write the client address and user agent.
    The message itself (method and path) is kept.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if hasattr(record, "request"):
            record.request = None
        return True


class RedactAddressFilter(logging.Filter):
    """Formats the record's message (and traceback) once, without any IP address in it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = ()
        if record.exc_info:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class AddresslessLogger(GunicornLogger):
    """gunicorn's logger with addresses redacted from the error log and no access log."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        if not any(isinstance(f, RedactAddressFilter) for f in self.error_log.filters):
            self.error_log.addFilter(RedactAddressFilter())

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        """Never: an access line names the client."""
