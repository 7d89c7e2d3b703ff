"""The second factor of staff sign-in, on django-otp's devices: a TOTP authenticator app
(enrolled on first sign-in) and one static device holding single-use recovery codes."""

import base64

import segno
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import sessions

RECOVERY_CODES = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def is_enrolled(user: AbstractBaseUser) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user: AbstractBaseUser) -> TOTPDevice:
    """The unconfirmed TOTP device being enrolled (made on first call, reused after, so a
    reload shows the same secret the app may already have scanned)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_of(device: TOTPDevice) -> str:
    """The key in base32, as authenticator apps take it when typed in by hand."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// URL as an inline SVG QR code, drawn here: no third-party request."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=2, light="#fff")


def new_recovery_codes(user: AbstractBaseUser) -> list[str]:
    """Replace the user's recovery codes with fresh ones; returns them (shown once)."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


def confirm_enrolment(request: HttpRequest, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm ``device`` if ``code`` is its current one; returns the recovery codes, or
    None when the code is wrong. The session counts as verified from then on."""
    if not device.verify_token(normalize(code)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    mark_verified(request, device)
    return new_recovery_codes(device.user)


def normalize(code: str | None) -> str:
    return "".join((code or "").split()).replace("-", "").lower()


def check(user: AbstractBaseUser, code: str | None) -> Device | None:
    """The device (app first, then recovery codes) that accepts ``code``, or None.

    Each device is throttled by django-otp itself (growing delays after failures); a used
    recovery code is deleted, so it works once."""
    code = normalize(code)
    if not code:
        return None
    devices = [
        *TOTPDevice.objects.filter(user=user, confirmed=True),
        *StaticDevice.objects.filter(user=user, confirmed=True),
    ]
    for device in devices:
        if verify_token(user, device.persistent_id, code):
            return device
    return None


def throttled(user: AbstractBaseUser) -> bool:
    """True while django-otp makes the user wait after wrong codes (the wait doubles with
    each failure)."""
    devices = [*TOTPDevice.objects.filter(user=user), *StaticDevice.objects.filter(user=user)]
    return any(not device.verify_is_allowed()[0] for device in devices)


def mark_verified(request: HttpRequest, device: Device) -> None:
    otp_login(request, device)
    sessions.second_factor_checked(request.session)


def remaining_recovery_codes(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def reset(user: AbstractBaseUser) -> None:
    """Break-glass: drop every device, so the next sign-in enrols again."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
