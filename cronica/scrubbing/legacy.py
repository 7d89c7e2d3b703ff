"""Legacy binary Office files (.doc, .xls, .ppt: OLE2 compound documents). Their summary
streams hold author, last editor, company, template path, dates and revision counts, and
their text streams can keep deleted text and every editor's name; no maintained library
rewrites them safely, so they are never claimed clean. exiftool reads what they reveal
from a pipe (nothing is written to disk), and the source is told before sending.
"""

import json
import subprocess

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TIMEOUT = 60
_GROUPS = {
    "author": ("Author", "LastModifiedBy", "LastSavedBy"),
    "organization": ("Company", "Manager"),
    "datetime": ("CreateDate", "ModifyDate", "LastPrinted"),
    "software": ("Software", "AppVersion"),
    "title": ("Title", "Subject", "Keywords", "Comments"),
    "paths": ("Template", "HyperlinkBase"),
    "revisions": ("RevisionNumber",),
}


class NotAnOleFile(ValueError):
    """exiftool could not read the compound document."""


def inspect_legacy(data: bytes) -> set[str]:
    """Finding codes for an OLE2 office file; it always may reveal authors and revisions."""
    try:
        result = subprocess.run(
            ["exiftool", "-j", "-FlashPix:all", "-"],
            input=data,
            capture_output=True,
            timeout=TIMEOUT,
            check=True,
        )
        tags = json.loads(result.stdout or b"[{}]")[0]
    except (subprocess.SubprocessError, OSError, ValueError, IndexError) as exc:
        raise NotAnOleFile("exiftool could not read the document") from exc
    found = {"author", "revisions"}  # text streams keep editors' names either way
    for code, names in _GROUPS.items():
        if any(tags.get(name) not in (None, "") for name in names):
            found.add(code)
    return found
