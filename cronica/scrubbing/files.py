"""One entry point for every kind of file: what it reveals, and a cleaned copy.

``kind_of`` decides from the first bytes (not the name a source gave it); ``inspect`` and
``scrub`` dispatch to the image, PDF, office, legacy Office and video cleaners. ``scrub``
gives a cleaned copy only when every part of the file was cleaned, so nothing can be
promised clean by mistake. Everything works on bytes in memory (or memory files and pipes
for ffmpeg and exiftool): callers bound the size, and the tip line keeps plaintext off
persistent disk.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from .images import NotAnImage, clean_image, inspect_image
from .legacy import OLE_MAGIC, NotAnOleFile, inspect_legacy
from .office import NotAnOfficeFile, inspect_office, scrub_office
from .pdf import NotAPdf, inspect_pdf, scrub_pdf
from .video import NotAVideo, clean_video, inspect_video

_ERRORS = (NotAnImage, NotAPdf, NotAnOfficeFile, NotAVideo, NotAnOleFile)


def kind_of(head: bytes) -> str | None:
    """'image', 'pdf', 'office', 'legacy', 'video' or None, from at least the first 64
    bytes."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(OLE_MAGIC):
        return "legacy"
    if head.startswith(b"PK\x03\x04"):
        return "office"  # confirmed by [Content_Types].xml when inspected
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return "image" if brand in (b"heic", b"heix", b"mif1", b"avif", b"msf1") else "video"
    if (
        head.startswith((b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"BM"))
        or (head.startswith(b"RIFF") and head[8:12] == b"WEBP")
        or head[:4] in (b"II*\x00", b"MM\x00*")
    ):
        return "image"
    if (
        head.startswith((b"\x1a\x45\xdf\xa3", b"OggS", b"ID3", b"fLaC"))
        or (head.startswith(b"RIFF") and head[8:12] in (b"AVI ", b"WAVE"))
        or head[:1] == b"G"
        and len(head) > 188
        and head[188:189] == b"G"
    ):
        return "video"
    return None


@dataclass
class Result:
    kind: str | None
    findings: set[str] = field(default_factory=set)
    cleaned: bytes | None = None  # None: could not be cleaned
    error: str = ""


def inspect(data: bytes) -> Result:
    """Findings for ``data`` without cleaning it."""
    kind = kind_of(data[:512])
    try:
        return Result(kind, _INSPECT[kind](data) if kind else set())
    except _ERRORS as exc:
        return Result(kind, set(), error=str(exc))


def scrub(data: bytes) -> Result:
    """Findings for ``data`` and, only when every part of it could be cleaned, a cleaned
    copy; otherwise ``cleaned`` is None and ``error`` says why."""
    kind = kind_of(data[:512])
    result = Result(kind)
    try:
        if kind == "pdf":
            result.findings, result.cleaned = scrub_pdf(data)
        elif kind == "office":
            result.findings, result.cleaned, result.error = scrub_office(data)
        elif kind == "image":
            result.findings = inspect_image(data)
            result.cleaned = clean_image(data).data
        elif kind == "video":
            result.findings = inspect_video(data)
            result.cleaned = clean_video(data)
        elif kind == "legacy":
            result.findings = inspect_legacy(data)
            result.error = "old binary Office format: cannot be cleaned"
    except _ERRORS as exc:
        result.cleaned, result.error = None, str(exc)
    except Exception as exc:  # hostile input can break a parser anywhere: never claim clean
        result.cleaned, result.error = None, f"the cleaner failed ({type(exc).__name__})"
    return result


_INSPECT: dict[str, Callable[[bytes], set[str]]] = {
    "image": inspect_image,
    "pdf": inspect_pdf,
    "office": inspect_office,
    "video": inspect_video,
    "legacy": inspect_legacy,
}
