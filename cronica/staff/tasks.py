"""Background work of staff accounts: sending password reset emails."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def send_password_reset(email, domain, use_https, templates):
    """Send the reset link to the active accounts with ``email``, if any. The link's host
    comes from CRONICA_SITE_URL, never from the request's Host header."""
    from django.contrib.auth.forms import PasswordResetForm
    from django.core.mail import EmailMultiAlternatives
    from django.template import loader

    class Form(PasswordResetForm):
        def send_mail(
            self,
            subject_template,
            body_template,
            context,
            from_email,
            to_email,
            html_email_template_name=None,
        ):
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

    form = Form({"email": email})
    if form.is_valid():
        form.save(domain_override=domain, use_https=use_https, **templates)
