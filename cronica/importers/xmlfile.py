"""Reading an export file as XML without trusting it.

defusedxml refuses DOCTYPEs, entity declarations and external references, which is how
"billion laughs", quadratic blow-up and external-entity (file or network) attacks arrive.
Neither Blogger nor WordPress puts a DOCTYPE in its exports, so refusing them costs nothing.
"""

import zipfile
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse

from .records import ImportFileError


def read_xml(path):
    """The root element of the XML file at ``path``, or ImportFileError saying what is wrong.
    A Google Takeout archive (.zip) holding one blog's ``feed.atom`` is read in place."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                with archive.open(_feed_member(path, archive)) as member:
                    tree = parse(
                        member, forbid_dtd=True, forbid_entities=True, forbid_external=True
                    )
        else:
            tree = parse(str(path), forbid_dtd=True, forbid_entities=True, forbid_external=True)
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


def _feed_member(path, archive):
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


def local(tag):
    """``{namespace}name`` -> ``name``."""
    return tag.rsplit("}", 1)[-1]


def namespace(tag):
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def text_of(element):
    """The element's text, stripped; '' when the element is missing or empty."""
    if element is None or element.text is None:
        return ""
    return element.text.strip()
