"""The demo editor's second factor, so a new user can sign in to the demo at once.

The news demo creates the editor and prints its password; this sets up its authenticator
device and recovery codes and prints them with it, once. A recovery code gets a new user in
without any app; the key can be typed into any TOTP app for later sign-ins.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import OutputWrapper
from django_otp.plugins.otp_totp.models import TOTPDevice

from cronica.news.demo.loader import DEMO_EDITOR

from . import twofactor


def load(stdout: OutputWrapper) -> None:
    user = get_user_model().objects.filter(username=DEMO_EDITOR).first()
    if user is None:
        return
    if twofactor.is_enrolled(user):
        stdout.write(
            "Demo editor's two-factor sign-in is set up already "
            f"(new recovery codes: cronica staff recovery-codes {DEMO_EDITOR})."
        )
        return
    device = TOTPDevice.objects.create(user=user, name=twofactor.APP_DEVICE_NAME, confirmed=True)
    codes = twofactor.new_recovery_codes(user)
    stdout.write(
        "Demo editor's two-factor sign-in (this demo only, shown once):\n"
        f"  authenticator key (type it into any TOTP app): {twofactor.secret_of(device)}\n"
        f"  the same as a URL: {device.config_url}\n"
        f"  recovery codes, each works once instead of an app code: {' '.join(codes)}"
    )
