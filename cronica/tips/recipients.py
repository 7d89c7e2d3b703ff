"""The newsroom's recipients: every public key a tip is encrypted to, from the admin and
the environment. Kept apart from ``keys`` (pure age key handling, which the Recipient
model uses to validate keys) so that models and keys import each other in one direction."""

from django.conf import settings

from .keys import parse_recipient
from .models import Recipient


def newsroom_recipients():
    """Every public key a tip is encrypted to: active admin recipients plus those from
    ``CRONICA_TIPS_RECIPIENTS``. Empty means the tip line is closed."""
    texts = list(Recipient.objects.filter(active=True).values_list("public_key", flat=True))
    texts += list(getattr(settings, "CRONICA_TIPS_RECIPIENTS", []))
    keys, seen = [], set()
    for text in texts:
        if text in seen:
            continue
        seen.add(text)
        try:
            keys.append(parse_recipient(text))
        except ValueError:
            continue  # a mistyped key must not close the line for the valid ones
    return keys
