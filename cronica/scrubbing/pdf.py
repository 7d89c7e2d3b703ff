"""PDF metadata with pikepdf (qpdf), in every object of the file, not only the document's:

- the information dictionary and every XMP packet (document, page and image ``/Metadata``),
  application private data (``/PieceInfo``), page thumbnails, every date string;
- photos embedded in the PDF: JPEG streams lose their APP segments (EXIF with GPS, camera
  and serial, XMP, IPTC, ICC, comments) without re-encoding; JPEG 2000 streams are decoded
  and stored again as plain pixels;
- annotations: author, dates and unique names go; file attachments, sounds and movies go;
- attached and embedded files, document and action JavaScript, launch and submit actions,
  additional actions; filled-in form values and XFA data; signature details.

Page content, text and the pictures' pixels are kept untouched: what the document says is
the evidence. Only reachable objects are written, so earlier revisions (incremental
updates) and orphaned objects do not survive either. A PDF that cannot be opened without
a password cannot be cleaned, and the source is told so.
"""

import io
import zlib

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream, String

_INFO_GROUPS = {
    "author": ("/Author",),
    "software": ("/Creator", "/Producer"),
    "datetime": ("/CreationDate", "/ModDate"),
    "title": ("/Title", "/Subject", "/Keywords"),
}
# Keys removed from any dictionary, and the finding each reveals.
_DROPPED_KEYS = {
    "/Metadata": "xmp",
    "/PieceInfo": "software",
    "/LastModified": "datetime",
    "/Thumb": "thumbnail",
    "/AA": "scripts",
    "/JS": "scripts",
    "/AF": "attachments",
    "/EmbeddedFiles": "attachments",
    "/JavaScript": "scripts",
    "/Collection": "attachments",
    "/SpiderInfo": "other",
    "/Usage": "other",
    "/XFA": "form_data",
}
_BAD_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/GoToE",
    "/GoToR",
    "/Rendition",
    "/Sound",
    "/Movie",
    "/RichMediaExecute",
}
_DROPPED_ANNOTATIONS = {"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"}
_ANNOTATION_PERSON_KEYS = ("/T", "/NM", "/M", "/CreationDate")
_SIGNATURE_KEYS = (
    "/Name",
    "/Location",
    "/Reason",
    "/ContactInfo",
    "/Cert",
    "/Contents",
    "/Prop_Build",
)
# JPEG segments kept in embedded photos: JFIF (density only) and Adobe (colour transform,
# needed to decode CMYK). APP1 (EXIF, XMP), APP2 (ICC, FlashPix), APP13 (IPTC), COM go.
_KEPT_JPEG_SEGMENTS = {(0xE0, b"JFIF\x00"), (0xEE, b"Adobe")}


class NotAPdf(ValueError):
    """pikepdf could not parse the bytes, or they are encrypted with a password."""


def _open(data: bytes) -> pikepdf.Pdf:
    try:
        return pikepdf.open(io.BytesIO(data))
    except (pikepdf.PdfError, pikepdf.PasswordError) as exc:
        raise NotAPdf(str(exc) or "not a readable PDF") from exc


def strip_jpeg(data: bytes) -> bytes:
    """The JPEG ``data`` with every metadata segment removed, the image data byte for byte.
    Raises ValueError when the bytes are not a well-formed JPEG."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    out, pos = [b"\xff\xd8"], 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise ValueError("broken JPEG segment")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        segment = data[pos : pos + 2 + length]
        if marker == 0xDA:  # start of scan: the rest is image data
            out.append(data[pos:])
            return b"".join(out)
        keep = not (0xE0 <= marker <= 0xEF or marker == 0xFE) or any(
            marker == kept and segment[4 : 4 + len(tag)] == tag for kept, tag in _KEPT_JPEG_SEGMENTS
        )
        if keep:
            out.append(segment)
        pos += 2 + length
    raise ValueError("JPEG without image data")


def _filters(stream: Stream) -> list[str]:
    value = stream.get("/Filter")
    if value is None:
        return []
    return [str(f) for f in value] if isinstance(value, Array) else [str(value)]


def _clean_image_stream(stream: Stream, found: set[str]) -> None:
    from .images import NotAnImage, inspect_image

    filters = _filters(stream)
    if filters and filters[-1] == "/DCTDecode":
        if filters == ["/DCTDecode"]:
            jpeg = stream.read_raw_bytes()
        elif filters == ["/FlateDecode", "/DCTDecode"]:
            jpeg = zlib.decompress(stream.read_raw_bytes())
        else:
            raise ValueError(f"a photo encoded as {' '.join(filters)}")
        try:
            found |= inspect_image(jpeg)
        except NotAnImage:
            pass
        stream.write(strip_jpeg(jpeg), filter=Name.DCTDecode)
        if "/DecodeParms" in stream:
            del stream["/DecodeParms"]
    elif "/JPXDecode" in filters:
        found.add("other")  # JPEG 2000 boxes can hold XML and UUID metadata
        image = pikepdf.PdfImage(stream).as_pil_image()
        if image.mode not in ("L", "RGB"):
            image = image.convert("RGB")
        stream.write(zlib.compress(image.tobytes()), filter=Name.FlateDecode)
        stream.ColorSpace = Name.DeviceGray if image.mode == "L" else Name.DeviceRGB
        stream.BitsPerComponent = 8
        for key in ("/DecodeParms", "/SMaskInData", "/Decode"):
            if key in stream:
                del stream[key]


def _is_date(value: object) -> bool:
    return isinstance(value, String) and bytes(value).startswith(b"D:")


def _clean_dict(obj: pikepdf.Object, found: set[str]) -> None:
    """Cleans one dictionary (or stream dictionary) and the direct objects inside it."""
    for key, code in _DROPPED_KEYS.items():
        if key in obj:
            found.add(code)
            del obj[key]
    subtype = obj.get("/Subtype")
    kind = obj.get("/Type")
    annotation = kind == Name.Annot or (subtype is not None and "/Rect" in obj and "/P" in obj)
    if annotation and subtype != Name.Widget:  # a widget's /T is its form field's name
        for key in _ANNOTATION_PERSON_KEYS:
            if key in obj:
                found.add("comments")
                del obj[key]
    if kind == Name.Sig or obj.get("/Filter") == Name("/Adobe.PPKLite"):
        for key in _SIGNATURE_KEYS:
            if key in obj:
                found.add("author")
                del obj[key]
    if "/FT" in obj or ("/Kids" in obj and "/T" in obj):  # a form field
        for key in ("/V", "/DV"):
            if key in obj:
                found.add("form_data")
                del obj[key]
    for key in ("/A", "/Next", "/OpenAction"):
        action = obj.get(key)
        if isinstance(action, Dictionary) and action.get("/S") in _BAD_ACTIONS:
            found.add("scripts")
            del obj[key]
    if "/Annots" in obj and isinstance(obj.Annots, Array):
        kept = [
            a
            for a in obj.Annots
            if isinstance(a, Dictionary) and a.get("/Subtype") not in _DROPPED_ANNOTATIONS
        ]
        if len(kept) != len(obj.Annots):
            found.add("attachments")
            obj.Annots = Array(kept)
    for key in list(obj.keys()):
        value = obj[key]
        if key != "/ID" and _is_date(value):
            found.add("datetime")
            del obj[key]
        elif isinstance(value, (Dictionary, Array)) and not value.is_indirect:
            _clean_direct(value, found)


def _clean_direct(value: Dictionary | Array, found: set[str]) -> None:
    if isinstance(value, Dictionary):
        _clean_dict(value, found)
    elif isinstance(value, Array):
        for item in value:
            if isinstance(item, (Dictionary, Array)) and not item.is_indirect:
                _clean_direct(item, found)


def scrub_pdf(data: bytes) -> tuple[set[str], bytes]:
    """(findings, cleaned bytes). Raises NotAPdf if the PDF cannot be opened or rewritten."""
    found: set[str] = set()
    with _open(data) as pdf:
        info = pdf.trailer.get("/Info")
        if info is not None:
            for code, keys in _INFO_GROUPS.items():
                if any(key in info for key in keys):
                    found.add(code)
            if set(info.keys()) - {k for keys in _INFO_GROUPS.values() for k in keys}:
                found.add("other")
            del pdf.trailer["/Info"]
        try:
            for obj in list(pdf.objects):
                if isinstance(obj, (Dictionary, Stream)):
                    _clean_dict(obj, found)
                    if isinstance(obj, Stream) and obj.get("/Subtype") == Name.Image:
                        _clean_image_stream(obj, found)
                elif isinstance(obj, Array):
                    _clean_direct(obj, found)
            root = pdf.Root
            _clean_dict(root, found)
            names = root.get("/Names")
            if isinstance(names, Dictionary):
                for key in ("/EmbeddedFiles", "/JavaScript", "/AlternatePresentations"):
                    if key in names:
                        found.add("attachments" if key == "/EmbeddedFiles" else "scripts")
                        del names[key]
            out = io.BytesIO()
            pdf.remove_unreferenced_resources()
            pdf.save(out, fix_metadata_version=False, deterministic_id=True, encryption=False)
        except (pikepdf.PdfError, ValueError, OSError, zlib.error) as exc:
            raise NotAPdf(f"the PDF could not be rewritten: {exc}") from exc
    return found, out.getvalue()


def inspect_pdf(data: bytes) -> set[str]:
    return scrub_pdf(data)[0]


def clean_pdf(data: bytes) -> bytes:
    """The PDF rebuilt without metadata. Raises NotAPdf if it cannot be cleaned."""
    return scrub_pdf(data)[1]
