"""Who may change the keys tips are encrypted to, and how everyone else learns of it.

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
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from cronica.audit.log import recent, record
from cronica.staff.sessions import second_factor_fresh

NOTICE_DAYS = 30


def pinned():
    return bool(getattr(settings, "CRONICA_TIPS_RECIPIENTS_PINNED", False))


def describe(recipient):
    return f"{recipient.name} ({recipient.public_key[:12]}…{recipient.public_key[-6:]})"


def record_change(user, action, recipient, detail=""):
    record(user, f"tips.recipient_{action}", describe(recipient), detail)


def notices():
    """Recipient changes of the last month, newest first, for the inbox."""
    verbs = {"added": _("added"), "changed": _("changed"), "removed": _("removed")}
    entries = list(recent("tips.recipient_", days=NOTICE_DAYS))
    for entry in entries:
        entry.verb = verbs.get(entry.action.removeprefix("tips.recipient_"), entry.action)
    return entries


class GuardedRecipientView:
    """Mixed into the snippet views that change recipients: refused while pinned, and sent
    through a fresh second-factor check first."""

    def dispatch(self, request, *args, **kwargs):
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
        return super().dispatch(request, *args, **kwargs)
