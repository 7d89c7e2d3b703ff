"""Recording, confirming and answering tips: the tip line's small public API.

Views call these functions; the inbox admin calls ``reply``, ``delete_submission`` and
``delete_source``. Every blob written for a submission that then fails is deleted, so a
failed submission leaves nothing behind.
"""

import hashlib
import json
import secrets
from datetime import datetime
from typing import TYPE_CHECKING

import pyrage
from django.db import IntegrityError, transaction
from pyrage import x25519

from . import blobs, codenames
from .keys import identity_from_seed, parse_recipient
from .models import Reply, SiteSalt, Source, StoredFile, Submission
from .streaming import encrypt_bytes

if TYPE_CHECKING:
    from .uploads import EncryptedFile

MANIFEST_VERSION = 1


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def find_source(codename: str) -> tuple[Source, x25519.Identity] | tuple[None, None]:
    """(Source, reply identity) for ``codename``, or (None, None). One slow hash."""
    if not codenames.looks_valid(codename):
        return None, None
    lookup, seed = codenames.derive(codename, SiteSalt.get())
    source = Source.objects.filter(lookup=lookup).first()
    return (source, identity_from_seed(seed)) if source else (None, None)


def source_for_new_codename(codename: str) -> Source:
    """The Source for a codename just issued (created on first use). Resubmitting the first
    form (back button) finds the same source instead of failing."""
    lookup, seed = codenames.derive(codename, SiteSalt.get())
    existing = Source.objects.filter(lookup=lookup).first()
    if existing:
        return existing
    reply_key = str(identity_from_seed(seed).to_public())
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Source.objects.create(
                    designation=codenames.designation(), lookup=lookup, reply_key=reply_key
                )
        except IntegrityError:  # designation collision: draw again
            existing = Source.objects.filter(lookup=lookup).first()
            if existing:
                return existing
    raise RuntimeError("could not allocate a designation")


def manifest(language: str, message: str, links: list[str], files: "list[EncryptedFile]") -> bytes:
    """The plaintext manifest (JSON) of one submission; it is only ever encrypted."""
    return json.dumps(
        {
            "version": MANIFEST_VERSION,
            "language": language,
            "message": message,
            "links": links,
            "files": [
                {
                    "position": f.position,
                    "name": f.name,
                    "content_type": f.content_type,
                    "size": f.size,
                    "cleaned_size": f.cleaned_size or None,
                    "kind": f.kind,
                    "metadata_found": sorted(f.findings),
                    "original": f.original_blob,
                    "cleaned": f.cleaned_blob or None,
                    "clean_error": f.clean_error,
                }
                for f in files
            ],
        },
        ensure_ascii=False,
        indent=1,
    ).encode()


def record(
    source: Source,
    language: str,
    message: str,
    links: list[str],
    files: "list[EncryptedFile]",
    recipients: list[x25519.Recipient],
) -> tuple[Submission, str | None]:
    """Store a submission. With files it is pending until ``confirm``; returns
    (submission, confirm token or None). Deletes every blob if anything fails."""
    written = [name for f in files for name in f.blobs()]
    try:
        manifest_blob, _size = encrypt_bytes(
            manifest(language, message, links, files), recipients, padding=b" "
        )
        written.append(manifest_blob)
        token = secrets.token_urlsafe(32) if files else None
        with transaction.atomic():
            submission = Submission.objects.create(
                source=source,
                manifest=manifest_blob,
                pending=bool(files),
                confirm_token=token_digest(token) if token else "",
            )
            for f in files:
                StoredFile.objects.create(
                    submission=submission,
                    position=f.position,
                    blob=f.original_blob,
                    size=f.original_cipher_size,
                    metadata_removed=False,
                    is_original=True,
                )
                if f.cleaned_blob:
                    StoredFile.objects.create(
                        submission=submission,
                        position=f.position,
                        blob=f.cleaned_blob,
                        size=f.cleaned_cipher_size,
                        metadata_removed=True,
                        is_original=False,
                    )
            source.touch()
        return submission, token
    except BaseException:
        for name in written:
            blobs.delete(name)
        raise


def pending_submission(token: str | None) -> Submission | None:
    if not token:
        return None
    return Submission.objects.filter(pending=True, confirm_token=token_digest(token)).first()


def confirm(submission: Submission, keep_originals: bool) -> None:
    """Keep one version of each file: the cleaned one where it exists (the default), or
    the original as evidence. The submission is acknowledged once this commits."""
    drop = []
    with transaction.atomic():
        by_position: dict[int, list[StoredFile]] = {}
        for stored in submission.files.select_for_update():
            by_position.setdefault(stored.position, []).append(stored)
        for versions in by_position.values():
            cleaned = [v for v in versions if not v.is_original]
            originals = [v for v in versions if v.is_original]
            unwanted = cleaned if (keep_originals or not cleaned) else originals
            for stored in unwanted:
                drop.append(stored.blob)
                stored.delete()
        submission.pending = False
        submission.confirm_token = ""
        submission.save(update_fields=["pending", "confirm_token"])
    for name in drop:
        blobs.delete(name)


def delete_submission(submission: Submission) -> None:
    names = [submission.manifest, *submission.files.values_list("blob", flat=True)]
    submission.delete()
    for name in names:
        blobs.delete(name)


def delete_source(source: Source) -> None:
    for submission in list(source.submissions.all()):
        delete_submission(submission)
    source.delete()


ARMOR_BEGIN, ARMOR_END = "-----BEGIN AGE ENCRYPTED FILE-----", "-----END AGE ENCRYPTED FILE-----"


def reply(source: Source, text: str) -> Reply:
    """Store a journalist's reply encrypted to the source's reply key (armored age).

    A reply already encrypted offline (`cronica tips encrypt-reply`) is stored as it is,
    so the server never sees its plaintext."""
    text = (text or "").strip()
    if not text:
        raise ValueError("empty reply")
    if text.startswith(ARMOR_BEGIN) and text.endswith(ARMOR_END):
        return Reply.objects.create(source=source, ciphertext=text + "\n")
    recipient = parse_recipient(source.reply_key)
    ciphertext = pyrage.encrypt(text.encode(), [recipient], armored=True)
    return Reply.objects.create(source=source, ciphertext=ciphertext.decode("ascii"))


def read_replies(source: Source, identity: x25519.Identity) -> list[tuple[datetime, str]]:
    """[(hour sent, text)], decrypted with the identity only the codename rebuilds."""
    return [
        (r.sent, pyrage.decrypt(r.ciphertext.encode("ascii"), [identity]).decode())
        for r in source.replies.all()
    ]
