"""`cronica tips keygen`, `decrypt` and `encrypt-reply`: the journalist's side, offline.

keygen writes a new age identity (same format as `age-keygen`) to a file only its owner can
read, and prints the recipient to add in the admin or to CRONICA_TIPS_RECIPIENTS. decrypt
takes files downloaded from the inbox (single `.age` files or the zip of a submission),
finds the encrypted manifests among them, and writes each file under its original name
plus one text file per submission with the message and links, each file cut to its true
size (blobs are padded to a size bucket inside the encryption). `age -d` works on every
file too; its output then ends in zero bytes up to the bucket, and the manifest holds the
original names and sizes.
"""

import json
import os
import re
import sys
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import IO, Any, TextIO

import pyrage
from django.core.management.base import BaseCommand, CommandError, CommandParser

MANIFEST_MAX = 16 * 1024 * 1024
# Opens one encrypted blob, from a folder or from inside a downloaded zip.
Opener = Callable[[], IO[bytes]]


def _safe_name(name: str | None, taken: set[str]) -> str:
    base = re.sub(r"[^\w.\- ]+", "_", Path(name or "file").name).strip(" .") or "file"
    stem, suffix = os.path.splitext(base)
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}{suffix}"
    taken.add(candidate)
    return candidate


def _open_binary(path: Path) -> IO[bytes]:
    return path.open("rb")


class Command(BaseCommand):
    help = "Journalist tools for the tip line: keygen, decrypt, encrypt-reply."
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        keygen = sub.add_parser("keygen", help="make an age identity; print its recipient")
        keygen.add_argument("-o", "--output", default="cronica-tips-identity.txt")
        decrypt = sub.add_parser("decrypt", help="decrypt files downloaded from the inbox")
        decrypt.add_argument("-i", "--identity", required=True, help="identity file")
        decrypt.add_argument("-o", "--output", default="decrypted", help="output folder")
        decrypt.add_argument("inputs", nargs="+", help=".age files or submission .zip files")
        reply = sub.add_parser(
            "encrypt-reply", help="encrypt a reply (stdin) to a source's reply key, offline"
        )
        reply.add_argument("--to", required=True, help="the source's reply key (age1...)")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        if action == "keygen":
            return self.keygen(Path(options["output"]))
        if action == "encrypt-reply":
            return self.encrypt_reply(options["to"], options.get("stdin") or sys.stdin)
        return self.decrypt(
            Path(options["identity"]), Path(options["output"]), [Path(p) for p in options["inputs"]]
        )

    def keygen(self, path: Path) -> None:
        identity = pyrage.x25519.Identity.generate()
        recipient = identity.to_public()
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError as exc:
            raise CommandError(f"{path} exists; refusing to overwrite an identity") from exc
        with os.fdopen(fd, "w") as f:
            f.write(
                f"# created: {datetime.now(UTC).replace(microsecond=0).isoformat()}\n"
                f"# public key: {recipient}\n{identity}\n"
            )
        self.stderr.write(f"Identity written to {path}. Keep it on this machine only.")
        self.stdout.write(str(recipient))

    def encrypt_reply(self, reply_key: str, stdin: TextIO) -> None:
        """Armored age for the inbox's reply box: the server stores it without reading it."""
        from cronica.tips.keys import parse_recipient

        try:
            recipient = parse_recipient(reply_key)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        text = stdin.read().strip()
        if not text:
            raise CommandError("write the reply on standard input")
        self.stdout.write(pyrage.encrypt(text.encode(), [recipient], armored=True).decode())

    def _identities(self, path: Path) -> list[pyrage.x25519.Identity]:
        try:
            lines = path.read_text().splitlines()
        except OSError as exc:
            raise CommandError(f"cannot read identity {path}: {exc}") from exc
        keys = [
            pyrage.x25519.Identity.from_str(line.strip())
            for line in lines
            if line.strip().startswith("AGE-SECRET-KEY-")
        ]
        if not keys:
            raise CommandError(f"no AGE-SECRET-KEY line in {path}")
        return keys

    def decrypt(self, identity_path: Path, out: Path, inputs: list[Path]) -> None:
        identities = self._identities(identity_path)
        blobs: dict[str, Opener] = {}  # blob name -> opener of a binary file object
        for path in inputs:
            if not path.is_file():
                raise CommandError(f"no such file: {path}")
            if zipfile.is_zipfile(path):
                archive = zipfile.ZipFile(path)
                for entry in archive.namelist():
                    if entry.endswith(".age"):
                        blobs[Path(entry).stem] = partial(archive.open, entry)
            else:
                blobs[path.name.removesuffix(".age")] = partial(_open_binary, path)

        out.mkdir(parents=True, exist_ok=True)
        taken = {p.name for p in out.iterdir()}
        names: dict[str, str] = {}
        sizes: dict[str, int | None] = {}
        manifests: list[tuple[str, dict[str, Any]]] = []
        for blob, opener in blobs.items():
            manifest = self._try_manifest(opener, identities)
            if manifest is not None:
                manifests.append((blob, manifest))
                for f in manifest.get("files", []):
                    for key, size in (("original", "size"), ("cleaned", "cleaned_size")):
                        if f.get(key):
                            names[f[key]] = f["name"]
                            sizes[f[key]] = f.get(size)
        for blob, manifest in manifests:
            target = out / _safe_name(f"message-{blob[:8]}.txt", taken)
            target.write_text(self._message_text(manifest))
            self.stdout.write(f"{target}")
        manifest_blobs = {blob for blob, _m in manifests}
        for blob, opener in blobs.items():
            if blob in manifest_blobs:
                continue
            target = out / _safe_name(names.get(blob, blob), taken)
            try:
                with opener() as src, open(target, "wb") as dst:
                    pyrage.decrypt_io(src, dst, identities)
                    if sizes.get(blob) is not None:  # the padding up to the size bucket
                        dst.truncate(sizes[blob])
            except Exception as exc:
                target.unlink(missing_ok=True)
                raise CommandError(f"cannot decrypt {blob}: {exc}") from exc
            self.stdout.write(f"{target}")

    def _try_manifest(
        self, opener: Opener, identities: list[pyrage.x25519.Identity]
    ) -> dict[str, Any] | None:
        with opener() as src:
            head = src.read(MANIFEST_MAX + 1)
        if len(head) > MANIFEST_MAX:
            return None
        try:
            plain = pyrage.decrypt(head, identities)
            data = json.loads(plain)
        except Exception:
            return None
        return data if isinstance(data, dict) and "files" in data and "version" in data else None

    @staticmethod
    def _message_text(manifest: dict[str, Any]) -> str:
        lines = [manifest.get("message") or "(no message)", ""]
        if manifest.get("links"):
            lines += ["Links:", *manifest["links"], ""]
        if manifest.get("files"):
            lines.append("Files:")
            for f in manifest["files"]:
                found = ", ".join(f.get("metadata_found") or []) or "none found"
                lines.append(
                    f"  {f['name']} ({f['size']} bytes, {f.get('content_type')}); metadata: {found}"
                )
        return "\n".join(lines) + "\n"
