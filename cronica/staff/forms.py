"""Forms of staff sign-in: the admin's login form behind the per-account lock, the
second-factor code, and a password reset that behaves the same for every address."""

from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm

from . import throttle


class StaffLoginForm(LoginForm):
    """Wagtail's login form; a locked account name is refused with a plain message before
    any password is checked. The lock applies to any name typed, account or not, so the
    message does not tell which names exist."""

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        until = username and throttle.locked_until(username)
        if until:
            minutes = max(1, round((until - timezone.now()).total_seconds() / 60))
            raise ValidationError(
                ngettext(
                    "Too many failed sign-ins for this account. Try again in %(n)d minute.",
                    "Too many failed sign-ins for this account. Try again in %(n)d minutes.",
                    minutes,
                )
                % {"n": minutes},
                code="locked",
            )
        return super().clean()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The 6-digit code from your authenticator app, or a recovery code."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )


class StaffPasswordResetForm(PasswordResetForm):
    """Sending is handed to a background task for every address, known or not: the
    request does the same work either way, so its timing tells nothing, and no user id
    reaches a log line (Django's own form logs the user's id when sending fails)."""

    def save(self, **kwargs: Any) -> None:
        from .tasks import address_digest, send_password_reset

        site = urlsplit(settings.SITE_URL)
        send_password_reset.enqueue(
            digest=address_digest(self.cleaned_data["email"]),
            domain=site.netloc,
            use_https=site.scheme == "https",
            templates={
                name: kwargs[name]
                for name in (
                    "subject_template_name",
                    "email_template_name",
                    "html_email_template_name",
                )
                if kwargs.get(name)
            },
        )
