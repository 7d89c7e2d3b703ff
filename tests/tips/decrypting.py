"""The journalist's side of a tip: `cronica tips decrypt` with their own age identity, as
they run it on their machine. One helper for every test that reads a tip back."""

import io
from pathlib import Path

from django.core.management import call_command


def decrypt(key: Path, out: Path, *files: Path | str) -> Path:
    """Decrypts ``files`` (stored blobs, downloaded ``.age`` files or a zip of them) with the
    identity file ``key`` into the folder ``out``, and returns ``out``."""
    call_command(
        "tips", "decrypt", "-i", str(key), "-o", str(out), *map(str, files), stdout=io.StringIO()
    )
    return out
