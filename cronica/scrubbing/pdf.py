"""PDF metadata with pikepdf (qpdf): the document information dictionary, XMP packets,
application private data, and the author and date of annotations (comments). Page content,
text and images are kept untouched: what the document says is the evidence."""

import io

import pikepdf

_INFO_GROUPS = {
    "author": ("/Author",),
    "software": ("/Creator", "/Producer"),
    "datetime": ("/CreationDate", "/ModDate"),
    "title": ("/Title", "/Subject", "/Keywords"),
}


class NotAPdf(ValueError):
    """pikepdf could not parse the bytes (or they are encrypted)."""


def _open(data):
    try:
        return pikepdf.open(io.BytesIO(data))
    except (pikepdf.PdfError, pikepdf.PasswordError) as exc:
        raise NotAPdf(str(exc)) from exc


def inspect_pdf(data):
    found = set()
    with _open(data) as pdf:
        info = pdf.trailer.get("/Info")
        if info is not None:
            for code, keys in _INFO_GROUPS.items():
                if any(key in info for key in keys):
                    found.add(code)
            if set(info.keys()) - {k for keys in _INFO_GROUPS.values() for k in keys}:
                found.add("other")
        if "/Metadata" in pdf.Root:
            found.add("xmp")
        if "/PieceInfo" in pdf.Root:
            found.add("software")
        for page in pdf.pages:
            if "/PieceInfo" in page.obj or "/Metadata" in page.obj:
                found.add("software")
            for annot in page.obj.get("/Annots", []):
                if "/T" in annot or "/M" in annot:
                    found.add("comments")
    return found


def clean_pdf(data):
    """The PDF rebuilt without metadata. Raises NotAPdf if it cannot be parsed."""
    with _open(data) as pdf:
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        for key in ("/Metadata", "/PieceInfo"):
            if key in pdf.Root:
                del pdf.Root[key]
        for page in pdf.pages:
            for key in ("/Metadata", "/PieceInfo"):
                if key in page.obj:
                    del page.obj[key]
            for annot in page.obj.get("/Annots", []):
                for key in ("/T", "/M", "/CreationDate"):
                    if key in annot:
                        del annot[key]
        out = io.BytesIO()
        pdf.save(out, fix_metadata_version=False, deterministic_id=True)
    return out.getvalue()
