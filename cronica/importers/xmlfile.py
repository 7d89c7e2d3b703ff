"""Reading an export file as XML without trusting it.

defusedxml refuses DOCTYPEs, entity declarations and external references, which is how
"billion laughs", quadratic blow-up and external-entity (file or network) attacks arrive.
Neither Blogger nor WordPress puts a DOCTYPE in its exports, so refusing them costs nothing.
"""

import re
import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring, parse

from .records import ImportFileError

# The namespaces Blogger's and WordPress's exports use, by their usual prefixes: a file
# re-saved by another tool sometimes keeps a prefix (``app:draft``) but drops its
# declaration, which XML forbids; with the well-known URI put back it reads as written.
KNOWN_PREFIXES = {
    "app": "http://purl.org/atom/app#",
    "gd": "http://schemas.google.com/g/2005",
    "thr": "http://purl.org/syndication/thread/1.0",
    "georss": "http://www.georss.org/georss",
    "openSearch": "http://a9.com/-/spec/opensearchrss/1.0/",
    "blogger": "http://schemas.google.com/blogger/2018",
    "media": "http://search.yahoo.com/mrss/",
}
SAFE = {"forbid_dtd": True, "forbid_entities": True, "forbid_external": True}


def read_xml(path: str | Path, notes: list[str] | None = None) -> Element:
    """The root element of the XML file at ``path``, or ImportFileError saying what is wrong.
    A Google Takeout archive (.zip) holding one blog's ``feed.atom`` is read in place.
    ``notes`` (a list) receives what had to be repaired to read the file."""
    try:
        return _read(path)
    except ImportFileError as exc:
        if "unbound prefix" not in str(exc) or zipfile.is_zipfile(path):
            raise
    root, declared = _with_known_prefixes(path)
    if notes is not None:
        notes.append(
            "the file uses the namespace prefixes "
            + ", ".join(f"{p}:" for p in declared)
            + " without declaring them; read with Blogger's and WordPress's usual meaning"
        )
    return root


def _with_known_prefixes(path: str | Path) -> tuple[Element, list[str]]:
    with open(path, "rb") as file:
        data = file.read()
    opening = re.search(rb"<(?!\?|!)[\w:.-]+", data)
    used = {m.decode() for m in re.findall(rb"</?([A-Za-z][\w.-]*):[\w.-]+", data)}
    missing = [
        p for p in sorted(used & KNOWN_PREFIXES.keys()) if f"xmlns:{p}=".encode() not in data
    ]
    if opening is None or not missing:
        return _read(path), []  # the same error again, for the caller
    declarations = "".join(f' xmlns:{p}="{KNOWN_PREFIXES[p]}"' for p in missing).encode()
    data = data[: opening.end()] + declarations + data[opening.end() :]
    try:
        return fromstring(data, **SAFE), missing
    except ParseError as exc:
        raise ImportFileError(
            f"{path}: not well-formed XML ({exc}); the file may be truncated or damaged"
        ) from None


def _read(path: str | Path) -> Element:
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                with archive.open(_feed_member(path, archive)) as member:
                    tree = parse(member, **SAFE)
        else:
            tree = parse(str(path), **SAFE)
    except FileNotFoundError:
        raise ImportFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ImportFileError(f"{path}: is a directory, not an export file") from None
    except PermissionError:
        raise ImportFileError(f"{path}: permission denied") from None
    except DefusedXmlException as exc:
        raise ImportFileError(
            f"{path}: refused, the file declares a DOCTYPE, entities or external references "
            f"({type(exc).__name__}); real Blogger and WordPress exports never do"
        ) from None
    except (ValueError, LookupError) as exc:
        # expat reads only UTF-8, UTF-16 and single-byte encodings: a UTF-7 (or other
        # multi-byte) declaration, the classic way to smuggle markup past filters.
        raise ImportFileError(
            f"{path}: refused, the file declares an encoding this importer does not read "
            f"({exc}); Blogger and WordPress export UTF-8"
        ) from None
    except ParseError as exc:
        raise ImportFileError(
            f"{path}: not well-formed XML ({exc}); the file may be truncated or damaged"
        ) from None
    except zipfile.BadZipFile as exc:
        raise ImportFileError(f"{path}: damaged zip archive ({exc})") from None
    return tree.getroot()


def _feed_member(path: str | Path, archive: zipfile.ZipFile) -> str:
    feeds = [
        name
        for name in archive.namelist()
        if name.rsplit("/", 1)[-1] == "feed.atom" and not name.startswith("__MACOSX/")
    ]
    if len(feeds) != 1:
        found = ", ".join(feeds) if feeds else "none"
        raise ImportFileError(
            f"{path}: a zip archive must hold exactly one Blogger feed.atom "
            f"(found: {found}); unpack it and import one feed.atom at a time"
        )
    return feeds[0]


def local(tag: str) -> str:
    """``{namespace}name`` -> ``name``."""
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def text_of(element: Element | None) -> str:
    """The element's text, stripped; '' when the element is missing or empty."""
    if element is None or element.text is None:
        return ""
    return element.text.strip()
