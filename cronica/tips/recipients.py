"""The keys tips are encrypted to, who may change them, and how everyone else learns of it.

Kept apart from ``keys`` (pure age key handling, which the Recipient model uses to validate
keys) so that models and keys import each other in one direction.

Whoever adds a recipient can read every tip sent after. So adding, changing or removing one
in the admin needs a second-factor code entered within the last few minutes (a stolen
session or password alone is not enough), is written to the audit log, and is shown at the
top of the tip inbox to every journalist. A deployment can instead pin the recipients in
the environment (``CRONICA_TIPS_RECIPIENTS_PINNED=1``): then the admin cannot change any,
and tips go only to the keys in ``CRONICA_TIPS_RECIPIENTS``.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from pyrage import x25519

from cronica.audit.log import recent, record
from cronica.audit.models import Entry as AuditEntry
from cronica.staff.sessions import second_factor_fresh

from .keys import parse_recipient
from .models import Recipient

NOTICE_DAYS = 30


def pinned() -> bool:
    return bool(getattr(settings, "CRONICA_TIPS_RECIPIENTS_PINNED", False))


def newsroom_recipients() -> list[x25519.Recipient]:
    """Every public key a tip is encrypted to: active admin recipients plus those from
    ``CRONICA_TIPS_RECIPIENTS`` (only the latter when the deployment pins them). Empty
    means the tip line is closed."""
    texts = []
    if not pinned():
        texts += Recipient.objects.filter(active=True).values_list("public_key", flat=True)
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


def describe(recipient: Recipient) -> str:
    return f"{recipient.name} ({recipient.public_key[:12]}…{recipient.public_key[-6:]})"


def record_change(
    user: AbstractBaseUser, action: str, recipient: Recipient, detail: str = ""
) -> None:
    record(user, f"tips.recipient_{action}", describe(recipient), detail)


def notices() -> list[AuditEntry]:
    """Recipient changes of the last month, newest first, for the inbox."""
    verbs = {"added": _("added"), "changed": _("changed"), "removed": _("removed")}
    entries = list(recent("tips.recipient_", days=NOTICE_DAYS))
    for entry in entries:
        entry.verb = verbs.get(entry.action.removeprefix("tips.recipient_"), entry.action)
    return entries


class GuardedRecipientView:
    """Mixed into the snippet views that change recipients: refused while pinned, and sent
    through a fresh second-factor check first."""

    def dispatch(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if pinned():
            messages.error(
                request,
                _(
                    "Tip recipients are pinned by this deployment's configuration; change them there."
                ),
            )
            return redirect(reverse("wagtailsnippets_tips_recipient:list"))
        if not second_factor_fresh(request.session):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('staff_verify')}?{query}")
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
