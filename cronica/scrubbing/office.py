"""Zipped office documents: Office Open XML (docx, xlsx, pptx) and OpenDocument (odt, ods,
odp). Each is a zip of XML parts and media; every part is rebuilt:

- property parts (``docProps/*.xml``, ``meta.xml``) are replaced by empty ones;
- every XML part is parsed (lxml, no entities, no network) and, whatever its name or
  namespace prefix and whichever quote style it was written with: names in author-like
  attributes and elements are emptied (comment and tracked-change authors, threaded-comment
  ``displayName``/``userId``, ``people.xml``, ``persons/person.xml``), the dates of comments
  and tracked changes become one fixed date, rsids are removed, local paths (attached
  template, ``x15ac:absPath``, links to ``C:\\Users\\name``) are emptied, printer names
  in ODF settings are emptied;
- images (``word/media``, ``docProps/thumbnail.jpeg``, ODF ``Pictures/`` and
  ``Thumbnails/``) are rebuilt from their pixels, EMF descriptions are blanked, embedded
  office documents are cleaned in turn, audio and video through ffmpeg;
- parts that only identify (printer settings, ``customXml``, digital signatures) are dropped
  with the relationships and content types that named them.

Anything else (an embedded OLE object, an unknown binary) makes the file uncleanable: the
source is told so rather than promised a clean file. Comment and tracked-change *text*
stays: it is content, and it is reported to the source.
"""

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from lxml import etree

FIXED_DATE = "2000-01-01T00:00:00Z"

_EMPTY_PARTS = {
    "docProps/core.xml": (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        b'metadata/core-properties"/>'
    ),
    "docProps/app.xml": (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'extended-properties"/>'
    ),
    "docProps/custom.xml": (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'custom-properties"/>'
    ),
    "meta.xml": (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        b' office:version="1.2"><office:meta/></office:document-meta>'
    ),
}
# Parts that carry nothing but identifying data (printer names in DEVMODE blobs, SharePoint
# properties, signer certificates, per-user web and view settings).
_DROPPED = re.compile(
    r"^(?:\w+/)?printerSettings/|^customXml/|^_xmlsignatures/|^META-INF/documentsignatures"
    r"|^\[trash\]/|(^|/)webSettings\.xml$"
)
_XML_PART = re.compile(r"\.(?:xml|rels|vml|svg)$", re.I)  # SVG pictures are XML too
_IMAGE_PART = re.compile(r"\.(?:jpe?g|png|gif|webp|tiff?|bmp)$", re.I)
_MEDIA_PART = re.compile(r"\.(?:mp4|m4a|m4v|mov|mp3|wav|webm|mkv|avi)$", re.I)
_OFFICE_PART = re.compile(r"\.(?:docx|docm|xlsx|xlsm|pptx|pptm|odt|ods|odp)$", re.I)
_KEPT_BINARY = re.compile(r"\.(?:odttf|ttf|otf|fntdata|wmf|wmz)$|^mimetype$", re.I)

# Attribute local names (any namespace) holding a person's name or account.
_PERSON_ATTRS = {
    "author",
    "initials",
    "displayname",
    "userid",
    "providerid",
    "username",
    "uidlastsave",  # Excel's id of the account that last saved (xr10:uidLastSave)
    "documentid",  # Excel's cloud document id (xr:revisionPtr)
}
# Elements that only carry identifiers tying a copy to its origin (Word's w14:docId and
# w15:docId survive every "Save as").
_ID_ELEMENTS = {"docid"}
# Element local names whose text is a person's name.
_PERSON_ELEMENTS = {
    "author",
    "creator",
    "lastmodifiedby",
    "initial-creator",
    "printed-by",
    "creator-initials",
}
# Parts listing people: their ``name`` attributes are names too.
_PEOPLE_PART = re.compile(
    r"(^|/)(people|commentAuthors|authors|userNames)\.xml$|(^|/)persons/", re.I
)
_ISO_DATE = re.compile(r"^\s*\d{4}-\d\d-\d\dT\d\d:\d\d")
# Where editors write when something was done (comments, tracked changes, threaded comments,
# revision logs, ODF annotations), as opposed to dates that are content (a spreadsheet
# cell's office:date-value, a date picker's w:fullDate), which are left alone.
_DATE_ATTRS = {"date", "dateutc", "dt", "datetime", "created", "modified", "lastmodified"}
_DATE_ELEMENTS = {"date", "created", "modified", "creation-date", "print-date", "lastprinted"}
# Web addresses are content even when their path has /users/ or /home/ in it.
_WEB_ADDRESS = re.compile(r"(?i)^\s*(?:https?|mailto|ftp):")
# A local path: drive letter, UNC share, file: URL, or a home folder.
_LOCAL_PATH = re.compile(r"(?i)(?:\bfile:/|\b[a-z]:[\\/]|^\\\\|[\\/](?:users|home)[\\/])")
_USER_IN_PATH = re.compile(r"(?i)([\\/](?:users|home|documents and settings)[\\/]+)[^\\/\"'<>]+")
_REVISION_ELEMENTS = {"ins", "del", "movefrom", "moveto", "changed-region", "tracked-changes"}
_ODF_PRINTER_ITEMS = re.compile(r"^Printer", re.I)
_ODF_CONFIG_NAME = "{urn:oasis:names:tc:opendocument:xmlns:config:1.0}name"

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False
)
# Office's legacy VML drawings are often not well-formed XML (unclosed <br>): they are read
# with libxml2's recovery, which keeps every element it can.
_VML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, recover=True
)


class NotAnOfficeFile(ValueError):
    """Not a readable zipped office document, or one that cannot be fully cleaned."""


# Zip bombs: a few KB can declare gigabytes. zipfile never inflates a part beyond its
# declared size, so checking the declared sizes before reading bounds memory and time.
MAX_INFLATED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200  # XML deflates 5-20x; a ratio in the hundreds is a bomb, not a document
MAX_DEPTH = 3  # documents embedded in documents embedded in documents


def _zip(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
        if "[Content_Types].xml" not in names and "mimetype" not in names:
            raise NotAnOfficeFile("neither [Content_Types].xml nor mimetype")
    except zipfile.BadZipFile as exc:
        raise NotAnOfficeFile(str(exc)) from exc
    items = archive.infolist()
    total = sum(item.file_size for item in items)
    bomb = any(
        item.file_size > 1024 * 1024 and item.file_size > MAX_RATIO * max(item.compress_size, 1)
        for item in items
    )
    if total > MAX_INFLATED_BYTES or bomb:
        archive.close()
        raise NotAnOfficeFile(f"the document would inflate to {total // (1024 * 1024)} MB")
    return archive


def _local(name: object) -> str:
    return etree.QName(name).localname.lower() if isinstance(name, str) else ""


def _scrub_tree(root: Any, part: str, found: set[str]) -> None:
    """Cleans one parsed XML part in place, adding finding codes to ``found``."""
    people_part = bool(_PEOPLE_PART.search(part))
    if people_part or "comment" in part.lower():
        found.add("comments")
    doomed = []
    for element in root.iter():
        if element.tag is etree.Comment:  # XML comments can hold anything
            doomed.append(element)
            continue
        if not isinstance(element.tag, str):  # processing instructions stay
            continue
        tag = _local(element.tag)
        if tag.startswith("rsid"):
            found.add("revisions")
            doomed.append(element)
            continue
        if tag in _ID_ELEMENTS:
            found.add("other")
            doomed.append(element)
            continue
        if tag in ("annotation", "comment", "threadedcomment", "cm"):
            found.add("comments")
        if tag in _REVISION_ELEMENTS:
            found.add("revisions")
        for key, value in list(element.attrib.items()):
            name = _local(key)
            if name.startswith("rsid"):
                found.add("revisions")
                del element.attrib[key]
            elif name in _PERSON_ATTRS or (people_part and name == "name"):
                if value:
                    found.add("author")
                    element.attrib[key] = ""
            elif name in _DATE_ATTRS and _ISO_DATE.match(value):
                if value != FIXED_DATE:
                    found.add("datetime")
                    element.attrib[key] = FIXED_DATE
            elif _LOCAL_PATH.search(value) and not _WEB_ADDRESS.match(value):
                found.add("paths")
                element.attrib[key] = ""
        text = element.text or ""
        if tag in _PERSON_ELEMENTS and (text.strip() or len(element)):
            found.add("author")
            element.text = None
            element[:] = []
        elif (
            tag == "config-item"
            and _ODF_PRINTER_ITEMS.match(element.get(_ODF_CONFIG_NAME, ""))
            and text
        ):
            found.add("device")
            element.text = ""
        elif tag in _DATE_ELEMENTS and _ISO_DATE.match(text) and len(element) == 0:
            if text.strip() != FIXED_DATE:
                found.add("datetime")
                element.text = FIXED_DATE
        elif text and _USER_IN_PATH.search(text):
            found.add("paths")
            element.text = _USER_IN_PATH.sub(r"\1user", text)
        tail = element.tail or ""
        if tail and _USER_IN_PATH.search(tail):
            found.add("paths")
            element.tail = _USER_IN_PATH.sub(r"\1user", tail)
    for element in doomed:
        if element.getparent() is not None:
            element.getparent().remove(element)


def _scrub_xml(body: bytes, part: str, found: set[str]) -> bytes:
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError as exc:
        root = etree.fromstring(body, _VML_PARSER) if part.endswith(".vml") else None
        if root is None:
            raise NotAnOfficeFile(f"{part} is not well-formed XML") from exc
    _scrub_tree(root, part, found)
    standalone = b'standalone="yes"' in body[:100]
    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", standalone=True if standalone else None
    )


def _blank_emf_description(body: bytes, found: set[str]) -> bytes:
    """EMF headers may carry a description (the producing application and a title)."""
    if len(body) < 88 or body[:4] != b"\x01\x00\x00\x00" or body[40:44] != b" EMF":
        return body
    count = int.from_bytes(body[44:48], "little")
    offset = int.from_bytes(body[48:52], "little")
    if count and offset + 2 * count <= len(body):
        if body[offset : offset + 2 * count].strip(b"\x00"):
            found.add("software")
        body = body[:offset] + b"\x00" * (2 * count) + body[offset + 2 * count :]
    return body


def _clean_binary(name: str, body: bytes, found: set[str], depth: int) -> bytes:
    from . import images, video

    if _IMAGE_PART.search(name):
        try:
            found |= images.inspect_image(body)
            return images.clean_image(body).data
        except images.NotAnImage as exc:
            raise NotAnOfficeFile(f"the picture {name} cannot be cleaned") from exc
    if name.lower().endswith(".emf"):
        return _blank_emf_description(body, found)
    if _OFFICE_PART.search(name) and depth < MAX_DEPTH:
        cleaned, inner, problem = _rebuild(body, depth + 1)
        found |= inner
        if cleaned is None:
            raise NotAnOfficeFile(problem)
        return cleaned
    if _MEDIA_PART.search(name):
        try:
            found |= video.inspect_video(body)
            return video.clean_video(body)
        except video.NotAVideo as exc:
            raise NotAnOfficeFile(f"the media file {name} cannot be cleaned") from exc
    if _KEPT_BINARY.search(name):
        return body
    raise NotAnOfficeFile(f"it contains an embedded object ({name}) that cannot be cleaned")


def _targets(rels_part: str, body: bytes) -> Iterator[tuple[Any, str]]:
    """Absolute part names that a .rels part points to, by Relationship element."""
    base = posixpath.dirname(posixpath.dirname(rels_part))
    root = etree.fromstring(body, _PARSER)
    for rel in root:
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
        yield rel, posixpath.normpath(path)


def _drop_references(body: bytes, part: str, dropped: set[str]) -> bytes:
    """Removes relationships and content-type overrides naming a dropped part."""
    root = etree.fromstring(body, _PARSER)
    changed = False
    if part.endswith(".rels"):
        for rel, target in list(_targets(part, body)):
            if target in dropped:
                for candidate in root:
                    if candidate.get("Id") == rel.get("Id"):
                        root.remove(candidate)
                        changed = True
    elif part == "[Content_Types].xml":
        for override in list(root):
            if override.get("PartName", "").lstrip("/") in dropped:
                root.remove(override)
                changed = True
    elif part == "META-INF/manifest.xml":
        ns = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}full-path"
        for entry in list(root):
            if entry.get(ns) in dropped:
                root.remove(entry)
                changed = True
    if not changed:
        return body
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rebuild(data: bytes, depth: int) -> tuple[bytes | None, set[str], str]:
    """(cleaned bytes or None, findings, why not) for one package. A part that cannot be
    cleaned does not stop the others being read: the source still learns what it reveals."""
    found: set[str] = set()
    parts: list[tuple[str, bytes]] = []
    problem = ""
    with _zip(data) as archive:
        items = archive.infolist()
        dropped = {item.filename for item in items if _DROPPED.search(item.filename)}
        if dropped:
            found.add("other")
        for item in items:
            name = item.filename
            if name in dropped or name.endswith("/"):
                continue
            body = archive.read(name)
            if name in _EMPTY_PARTS:
                _inspect_properties(name, body, found)
                body = _EMPTY_PARTS[name]
            elif _XML_PART.search(name):
                if dropped:
                    body = _drop_references(body, name, dropped)
                body = _scrub_xml(body, name, found)
            else:
                try:
                    body = _clean_binary(name, body, found, depth)
                except NotAnOfficeFile as exc:
                    found.add("embedded")
                    problem = problem or str(exc)
            parts.append((name, body))
    if problem:
        return None, found, problem
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as cleaned:
        for name, body in parts:
            # A fixed timestamp: the zip entries' dates are metadata too. ODF wants its
            # mimetype first and stored, which the original order already gives.
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            cleaned.writestr(info, body)
    return out.getvalue(), found, ""


_PROPERTY_FIELDS = {
    "author": (b"creator>", b"lastModifiedBy>", b"initial-creator>", b"printed-by>"),
    "datetime": (b"created", b"modified", b"lastPrinted", b"date>", b"creation-date>"),
    "title": (b"title>", b"subject>", b"keywords>", b"description>", b"keyword>"),
    "organization": (b"<Company>", b"<Manager>"),
    "software": (b"<Application>", b"generator>"),
    "other": (b"<property", b"user-defined", b"template"),
}


def _inspect_properties(name: str, body: bytes, found: set[str]) -> None:
    for code, markers in _PROPERTY_FIELDS.items():
        if any(marker in body for marker in markers):
            found.add(code)


def scrub_office(data: bytes) -> tuple[set[str], bytes | None, str]:
    """(findings, cleaned bytes or None, why not) in one pass. Raises NotAnOfficeFile only
    when the bytes are not a readable document at all."""
    try:
        cleaned, found, problem = _rebuild(data, 0)
    except NotAnOfficeFile:
        raise
    except (etree.XMLSyntaxError, zipfile.BadZipFile, KeyError, EOFError) as exc:
        raise NotAnOfficeFile(str(exc) or "unreadable document") from exc
    return found, cleaned, problem


def inspect_office(data: bytes) -> set[str]:
    """Finding codes for a zipped office document. Raises NotAnOfficeFile."""
    return scrub_office(data)[0]


def clean_office(data: bytes) -> bytes:
    """The package rebuilt part by part (see the module docstring). Raises NotAnOfficeFile
    when any part cannot be cleaned."""
    _found, cleaned, problem = scrub_office(data)
    if cleaned is None:
        raise NotAnOfficeFile(problem)
    return cleaned
