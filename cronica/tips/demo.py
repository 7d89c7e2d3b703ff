"""The demo's journalist key, so the tip line is open in the demo and a tip can be read.

DEMO ONLY. A real newsroom's private keys never touch the server (docs/invariants.md, invariant 3):
journalists make them with ``cronica tips keygen`` on their own machines. The demo has no
journalist, so it writes one identity into the data directory (mode 0600), adds its public
key as a recipient named as demo-only, and lets the inbox open tips sent to it. The inbox
shows a warning for as long as that recipient exists. A site that already has recipients
(configured in the admin or the environment) gets no demo key.
"""

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import pyrage
from django.conf import settings

from . import blobs

if TYPE_CHECKING:
    from .models import Submission

NAME = "Demo journalist (DEMO ONLY: private key on this server)"


def identity_path() -> Path:
    return settings.DATA_DIR / "demo-journalist-identity.txt"


def _identity() -> pyrage.x25519.Identity | None:
    try:
        lines = identity_path().read_text().splitlines()
    except FileNotFoundError:
        return None
    secret = next((line for line in lines if line.startswith("AGE-SECRET-KEY-")), None)
    return pyrage.x25519.Identity.from_str(secret) if secret else None


def demo_recipient() -> str | None:
    """The demo key's public half, or None if this data directory has no demo key."""
    identity = _identity()
    return str(identity.to_public()) if identity else None


def read_manifest(submission: "Submission") -> dict[str, Any] | None:
    """The decrypted manifest of a submission sent to the demo key (message, links, file
    names), in memory only; None when there is no demo key or it cannot open this one."""
    from .models import Recipient

    identity = _identity()
    if identity is None or not Recipient.objects.filter(public_key=demo_recipient()).exists():
        return None
    try:
        with open(blobs.path_of(submission.manifest), "rb") as f:
            return json.loads(pyrage.decrypt(f.read(), [identity]))
    except (OSError, pyrage.DecryptError, ValueError):
        return None


def _write_identity() -> str:
    identity = pyrage.x25519.Identity.generate()
    fd = os.open(identity_path(), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(
            "# DEMO ONLY: made by `cronica demo`; never use it for real tips.\n"
            f"# public key: {identity.to_public()}\n{identity}\n"
        )
    return str(identity.to_public())


def _let_demo_editor_read_tips() -> None:
    """The demo editor plays the journalist too (editors do not read tips by default)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    from cronica.news.demo.loader import DEMO_EDITOR

    editor = get_user_model().objects.filter(username=DEMO_EDITOR).first()
    if editor is not None:
        editor.user_permissions.add(
            Permission.objects.get(content_type__app_label="tips", codename="read_tips")
        )


def load(stdout: TextIO) -> None:
    from .models import Recipient
    from .recipients import pinned

    recipient = demo_recipient()
    others = Recipient.objects.exclude(public_key=recipient or "").exists()
    if pinned() or others or getattr(settings, "CRONICA_TIPS_RECIPIENTS", []):
        stdout.write("Tip line: recipients are configured already; no demo key added.")
        return
    if recipient is None:
        recipient = _write_identity()
    Recipient.objects.get_or_create(public_key=recipient, defaults={"name": NAME})
    _let_demo_editor_read_tips()
    stdout.write(
        "Tip line open with a DEMO-ONLY journalist key (its private key is in "
        f"{identity_path()}; never use it for real tips). The tip inbox opens tips sent to "
        "it; downloaded files decrypt with:\n"
        f"  cronica tips decrypt -i {identity_path()} FILES"
    )
