"""Background work of staff accounts: sending password reset emails.

The request only queues the task, with a keyed hash of the address typed rather than the
address itself, so that the task table (kept until pruned) holds no address, known or not.
The task compares it with each active account's address: staff are few.
"""

import hmac
import logging
import unicodedata
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django_tasks import task

logger = logging.getLogger(__name__)


def address_digest(email: str | None) -> str:
    folded = unicodedata.normalize("NFKC", email or "").casefold().strip()
    return hmac.new(
        settings.SECRET_KEY.encode(), b"password-reset:" + folded.encode(), "sha256"
    ).hexdigest()


@task()
def send_password_reset(
    digest: str, domain: str, use_https: bool, templates: dict[str, str]
) -> None:
    """Send the reset link to the active accounts whose address matches ``digest``, if
    any. The link's host comes from CRONICA_SITE_URL, never from the request's Host."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.forms import PasswordResetForm
    from django.core.mail import EmailMultiAlternatives
    from django.template import loader

    class Form(PasswordResetForm):
        def get_users(self, _email: str) -> Iterator[Any]:
            users = get_user_model()._default_manager.filter(is_active=True).exclude(email="")
            for user in users:
                same = hmac.compare_digest(address_digest(user.email), digest)
                if same and user.has_usable_password():
                    yield user

        def send_mail(
            self,
            subject_template: str,
            body_template: str,
            context: dict[str, Any],
            from_email: str | None,
            to_email: str,
            html_email_template_name: str | None = None,
        ) -> None:
            # Django's own version logs the user's id when sending fails; this one names no
            # one.
            subject = "".join(loader.render_to_string(subject_template, context).splitlines())
            message = EmailMultiAlternatives(
                subject, loader.render_to_string(body_template, context), from_email, [to_email]
            )
            if html_email_template_name:
                html = loader.render_to_string(html_email_template_name, context)
                message.attach_alternative(html, "text/html")
            try:
                message.send()
            except Exception:
                logger.error("A password reset email could not be sent.")

    form = Form()
    form.cleaned_data = {"email": ""}  # get_users above matches on the digest instead
    form.save(domain_override=domain, use_https=use_https, **templates)
