"""An email backend whose every send fails, as an unreachable mail server does."""

from django.core.mail.backends.base import BaseEmailBackend


class Backend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server unreachable")
