"""Reading an export file as XML without trusting it.

defusedxml refuses DOCTYPEs, entity declarations and external references, which is how
"billion laughs", quadratic blow-up and external-entity (file or network) attacks arrive.
Neither Blogger nor WordPress puts a DOCTYPE in its exports, so refusing them costs nothing.
"""

from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse

from .records import ImportFileError


def read_xml(path):
    """The root element of the XML file at ``path``, or ImportFileError saying what is wrong."""
    try:
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
            f"({type(exc).__name__}); real Blogger and WordPress exports never do") from None
    except ParseError as exc:
        raise ImportFileError(f"{path}: not well-formed XML ({exc}); "
                              "the file may be truncated or damaged") from None
    return tree.getroot()


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
