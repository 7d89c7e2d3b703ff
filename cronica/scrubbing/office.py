"""Office Open XML documents (docx, xlsx, pptx): document properties, the names of comment
and revision authors, and Word's revision-save identifiers (rsid), which tie a file to the
editing sessions of one machine.

The zip is rebuilt part by part: property parts are replaced by empty ones (the parts stay,
so relationships remain valid), author attributes are emptied and rsid attributes removed.
Comment and tracked-change text stays: it is content, and it is reported to the source.
"""

import io
import re
import zipfile

_EMPTY_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
    b'metadata/core-properties"/>'
)
_EMPTY_APP = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"/>'
)
_EMPTY_CUSTOM = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'custom-properties"/>'
)
_REPLACED = {
    "docProps/core.xml": _EMPTY_CORE,
    "docProps/app.xml": _EMPTY_APP,
    "docProps/custom.xml": _EMPTY_CUSTOM,
}

_AUTHOR_ATTR = re.compile(rb'\b((?:w:)?(?:author|initials)|authorId)="[^"]*"')
_AUTHOR_ELEMENT = re.compile(rb"<((?:\w+:)?author)>[^<]*</(?:\w+:)?author>")
_PERSON_ATTR = re.compile(rb'\b(name|initials|userId|providerId)="[^"]*"')
_PERSON_PART = re.compile(r"(^|/)(people|commentAuthors|authors)\.xml$|/persons/")
_RSID_ATTR = re.compile(rb'\s(?:w:)?rsid\w*="[0-9A-Fa-f]*"')
_RSIDS_BLOCK = re.compile(rb"<w:rsids>.*?</w:rsids>", re.S)
_REVISION = re.compile(rb"<w:(?:ins|del|moveFrom|moveTo)\b")
_CORE_FIELDS = {
    "author": (b"<dc:creator>", b"<cp:lastModifiedBy>"),
    "datetime": (b"<dcterms:created", b"<dcterms:modified", b"<cp:lastPrinted>"),
    "title": (b"<dc:title>", b"<dc:subject>", b"<cp:keywords>", b"<dc:description>"),
}


class NotAnOfficeFile(ValueError):
    """Not a readable Office Open XML package."""


# Zip bombs: a few KB can declare gigabytes. zipfile never inflates a part beyond its
# declared size, so checking the declared sizes before reading bounds memory and time.
MAX_INFLATED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200  # XML deflates 5-20x; a ratio in the hundreds is a bomb, not a document


def _zip(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if "[Content_Types].xml" not in archive.namelist():
            raise NotAnOfficeFile("no [Content_Types].xml")
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


def _is_xml(name):
    return name.endswith((".xml", ".rels"))


def inspect_office(data):
    found = set()
    with _zip(data) as archive:
        for name in archive.namelist():
            if not _is_xml(name):
                continue
            body = archive.read(name)
            if name == "docProps/core.xml":
                for code, tags in _CORE_FIELDS.items():
                    if any(tag in body for tag in tags):
                        found.add(code)
            elif name == "docProps/app.xml":
                if b"<Company>" in body or b"<Manager>" in body:
                    found.add("organization")
                if b"<Application>" in body:
                    found.add("software")
            elif name == "docProps/custom.xml" and b"<property" in body:
                found.add("other")
            if "comment" in name.lower() or _PERSON_PART.search(name):
                found.add("comments")
            if _RSID_ATTR.search(body) or _REVISION.search(body):
                found.add("revisions")
            if _AUTHOR_ATTR.search(body) or _AUTHOR_ELEMENT.search(body):
                found.add("author")
    return found


def clean_office(data):
    """The package rebuilt without properties, author names and rsids."""
    out = io.BytesIO()
    with _zip(data) as archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as cleaned:
        for item in archive.infolist():
            body = archive.read(item.filename)
            if item.filename in _REPLACED:
                body = _REPLACED[item.filename]
            elif _is_xml(item.filename):
                body = _AUTHOR_ATTR.sub(lambda m: m.group(1) + b'=""', body)
                body = _AUTHOR_ELEMENT.sub(lambda m: b"<%s></%s>" % (m.group(1), m.group(1)), body)
                if _PERSON_PART.search(item.filename):
                    body = _PERSON_ATTR.sub(lambda m: m.group(1) + b'=""', body)
                body = _RSID_ATTR.sub(b"", body)
                body = _RSIDS_BLOCK.sub(b"", body)
            # A fixed timestamp: the zip entries' dates are metadata too.
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            cleaned.writestr(info, body)
    return out.getvalue()
