"""Hostile files a source might send without knowing what they carry, made by the real
tools (exiftool, ffmpeg, pikepdf, zipfile) the way phones, Word and dashcams write them.

Every identifying value contains one of ``MARKERS`` (so a leak is found by scanning every
unpacked part), and every photo carries GPS, camera make, model and serial, artist, XMP,
a comment and a thumbnail (so a leak is also found by exiftool re-reading the picture).
"""

import io
import subprocess
import zipfile
import zlib
from pathlib import Path

import pikepdf
from PIL import Image

NAME = "Juan Perez"
USER = "jperez"
SERIAL = "SN-4417-KX"
SEI_UUID = "086f3693-b7b3-4f2c-9653-21492feee5b8"
SEI_TEXT = "GPS31.7406N106.4869W-dashcam-KX"
# The account and document ids Office writes (xr10:uidLastSave, w15:docId).
ACCOUNT_ID = "{A1B2C3D4-4417-4417-4417-0123456789AB}"
MARKERS = (
    NAME,
    "Perez",
    USER,
    SERIAL,
    "Acme",
    "Phone X9",
    "roof",
    "PRN-OFICINA",
    "dashcam",
    "4417-4417",
)
DATE = "2024-05-01T09:35:00Z"


def run(*args):
    subprocess.run(args, check=True, capture_output=True)


def gps_jpeg(path, color=(180, 40, 40)):
    """A phone photo: GPS, camera, serial, artist, XMP creator, comment and thumbnail."""
    path = Path(path)
    Image.new("RGB", (96, 64), color).save(path, quality=90)
    run(
        "exiftool",
        "-q",
        "-overwrite_original",
        "-GPSLatitude=31.7406",
        "-GPSLatitudeRef=N",
        "-GPSLongitude=106.4869",
        "-GPSLongitudeRef=W",
        "-Make=Acme",
        "-Model=Phone X9",
        f"-SerialNumber={SERIAL}",
        "-DateTimeOriginal=2024:05:01 09:35:00",
        f"-Artist={NAME}",
        "-Comment=shot from the roof",
        f"-XMP:Creator={NAME}",
        f"-ThumbnailImage<={path}",
        str(path),
    )
    return path.read_bytes()


# --- PDF ------------------------------------------------------------------------------


def pdf_from_photo(tmp_path):
    """A PDF as a phone's "print to PDF" or a scanner app makes it from a photo, plus what
    editors add: document info and XMP, the photo's own XMP, a comment with author and
    date, an attached file, an opening script and a filled-in form field."""
    jpeg = gps_jpeg(tmp_path / "pdf-photo.jpg")
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    page = pdf.pages[0]
    xmp = pdf.make_stream(
        f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>{NAME}</dc:creator></x:xmpmeta>'.encode()
    )
    xmp.Type, xmp.Subtype = pikepdf.Name.Metadata, pikepdf.Name.XML
    image = pdf.make_stream(jpeg)
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = 96, 64, 8
    image.ColorSpace, image.Filter = pikepdf.Name.DeviceRGB, pikepdf.Name.DCTDecode
    image.Metadata = xmp
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.Contents = pdf.make_stream(b"q 96 0 0 64 50 60 cm /Im0 Do Q")
    page.Annots = pdf.make_indirect(
        pikepdf.Array(
            [
                pikepdf.Dictionary(
                    Type=pikepdf.Name.Annot,
                    Subtype=pikepdf.Name.Text,
                    Rect=[10, 10, 30, 30],
                    Contents=pikepdf.String("check the plate"),
                    T=pikepdf.String(NAME),
                    M=pikepdf.String("D:20240501093500Z"),
                    CreationDate=pikepdf.String("D:20240501093500Z"),
                    NM=pikepdf.String(f"{USER}-note-1"),
                ),
            ]
        )
    )
    pdf.attachments["notes.txt"] = pikepdf.AttachedFileSpec(
        pdf, f"written by {NAME} on the roof".encode(), filename="notes.txt"
    )
    field = pdf.make_indirect(
        pikepdf.Dictionary(
            FT=pikepdf.Name.Tx,
            T=pikepdf.String("reporter"),
            V=pikepdf.String(NAME),
            DV=pikepdf.String(USER),
        )
    )
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=[field])
    pdf.Root.OpenAction = pikepdf.Dictionary(
        S=pikepdf.Name.JavaScript, JS=pikepdf.String(f"app.alert('{USER}')")
    )
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = [NAME]
        meta["xmp:CreatorTool"] = "Acme Scanner"
    pdf.docinfo["/Author"] = NAME
    pdf.docinfo["/Producer"] = "Acme PDF"
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _jp2_with_xml_box(tmp_path):
    """A JPEG 2000 picture with an XML box naming its author, as scanners write them."""
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (20, 160, 60)).save(out, "JPEG2000")
    box = f"<author>{NAME}</author>".encode()
    return out.getvalue() + (8 + len(box)).to_bytes(4, "big") + b"xml " + box


def scanned_pdf(tmp_path):
    """A scanner's PDF: a JPEG 2000 page with an XML box, a photo compressed twice
    (Flate over DCT) with its EXIF, a page thumbnail with EXIF, and a signature field with
    the signer's name, place and certificate."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    page = pdf.pages[0]
    jpx = pdf.make_stream(_jp2_with_xml_box(tmp_path))
    jpx.Type, jpx.Subtype, jpx.Filter = (
        pikepdf.Name.XObject,
        pikepdf.Name.Image,
        pikepdf.Name.JPXDecode,
    )
    jpx.Width, jpx.Height = 32, 24
    photo = gps_jpeg(tmp_path / "scan-photo.jpg")
    twice = pdf.make_stream(zlib.compress(photo))
    twice.Type, twice.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    twice.Width, twice.Height, twice.BitsPerComponent = 96, 64, 8
    twice.ColorSpace = pikepdf.Name.DeviceRGB
    twice.Filter = pikepdf.Array([pikepdf.Name.FlateDecode, pikepdf.Name.DCTDecode])
    thumb = pdf.make_stream(gps_jpeg(tmp_path / "scan-thumb.jpg", (0, 0, 0)))
    thumb.Filter, thumb.Width, thumb.Height = pikepdf.Name.DCTDecode, 96, 64
    thumb.ColorSpace, thumb.BitsPerComponent = pikepdf.Name.DeviceRGB, 8
    page.Thumb = thumb
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=jpx, Im1=twice))
    page.Contents = pdf.make_stream(
        b"q 32 0 0 24 10 10 cm /Im0 Do Q q 96 0 0 64 50 60 cm /Im1 Do Q"
    )
    signature = pikepdf.Dictionary(
        Type=pikepdf.Name.Sig,
        Filter=pikepdf.Name("/Adobe.PPKLite"),
        Name=pikepdf.String(NAME),
        Location=pikepdf.String("the roof"),
        ContactInfo=pikepdf.String(f"{USER}@acme-logistics.example"),
        Contents=pikepdf.String(f"certificate of {NAME}".encode()),
    )
    field = pdf.make_indirect(
        pikepdf.Dictionary(FT=pikepdf.Name.Sig, T=pikepdf.String("signature"), V=signature)
    )
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=[field])
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def locked_pdf(tmp_path):
    """A PDF that needs a password to open: it cannot be cleaned."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Author"] = NAME
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(user="secret", owner="secret"))
    return out.getvalue()


# --- Office Open XML ------------------------------------------------------------------

_CT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="jpeg" ContentType="image/jpeg"/>'
    '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.'
    'oleObject"/>{overrides}</Types>'
)
_CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms='
    '"http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    f"<dc:creator>{NAME}</dc:creator><cp:lastModifiedBy>{USER}</cp:lastModifiedBy>"
    f'<dcterms:created xsi:type="dcterms:W3CDTF">{DATE}</dcterms:created>'
    "</cp:coreProperties>"
)
_APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
    'properties"><Company>Acme Logistics</Company><Template>Normal.dotm</Template>'
    "</Properties>"
)
_CUSTOM = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-'
    'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Owner">'
    f"<vt:lpwstr>{NAME}</vt:lpwstr></property></Properties>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="{main}"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/extended-properties" Target="docProps/app.xml"/>'
    '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/thumbnail" Target="docProps/thumbnail.jpeg"/>'
    "</Relationships>"
)
_OXML = "application/vnd.openxmlformats-officedocument."


def _overrides(**parts):
    """[Content_Types].xml overrides as Office writes them, for the given part types."""
    common = {
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": _OXML + "extended-properties+xml",
        "/docProps/custom.xml": _OXML + "custom-properties+xml",
    }
    common.update({"/" + k.replace("__", "/").replace("_xml", ".xml"): v for k, v in parts.items()})
    return "".join(
        f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in common.items()
    )


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _package(parts):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
        archive.comment = f"saved by {USER}".encode()
    return out.getvalue()


def _ooxml(tmp_path, main, types, parts, extra_overrides=""):
    """An Office Open XML package as Office saves it: [Content_Types].xml with the core,
    app and custom properties and ``types`` (``_overrides`` keywords), the package
    relationships to ``main``, the properties with a GPS-tagged thumbnail, then ``parts``."""
    return _package(
        {
            "[Content_Types].xml": _CT.replace(
                "{overrides}", _overrides(**types) + extra_overrides
            ),
            "_rels/.rels": _ROOT_RELS.replace("{main}", main),
            "docProps/core.xml": _CORE,
            "docProps/app.xml": _APP,
            "docProps/custom.xml": _CUSTOM,
            "docProps/thumbnail.jpeg": gps_jpeg(tmp_path / "thumb.jpg", (10, 10, 200)),
            **parts,
        }
    )


def docx(tmp_path, ole_object=False):
    """A Word document after a day at the office: a photo in word/media, a thumbnail, a
    tracked change and a comment with authors in single and double quotes and their dates,
    people.xml with an account, the attached template under C:\\Users\\<name>, rsids,
    printer settings and custom properties. ``ole_object`` embeds an OLE object (which
    cannot be cleaned)."""
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document {W} {R} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
        'wordprocessingDrawing"><w:body>'
        '<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:r><w:t>The shipment moves '
        "tonight.</w:t></w:r>"
        f"<w:ins w:id='1' w:author='{NAME}' w:date='{DATE}'><w:r><w:t>Highway 45"
        "</w:t></w:r></w:ins>"
        f'<w:del w:id="2" w:author="{USER}" w:date="{DATE}"><w:r><w:delText>old</w:delText>'
        '</w:r></w:del><w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/>'
        '</w:r><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" descr="'
        f'C:\\Users\\{USER}\\Pictures\\roof.jpg"/></wp:inline></w:drawing></w:r>'
        "<w:r><w:instrText>INCLUDEPICTURE "
        f'"C:\\Users\\{USER}\\Desktop\\map.png"</w:instrText></w:r></w:p>'
        "<!-- last edited on the laptop of Juan Perez -->"
        "</w:body></w:document>"
    )
    comments = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:comments {W}><w:comment w:id='0' w:author='{NAME}' w:initials='JP' "
        f"w:date='{DATE}'><w:p><w:r><w:t>is this the right road?</w:t></w:r></w:p>"
        "</w:comment></w:comments>"
    )
    extensible = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w16cex:commentsExtensible xmlns:w16cex="http://schemas.microsoft.com/office/word/'
        '2018/wordml/cex"><w16cex:commentExtensible w16cex:durableId="1A2B3C4D" '
        f'w16cex:dateUtc="{DATE}"/></w16cex:commentsExtensible>'
    )
    people = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
        f'<w15:person w15:author="{NAME}"><w15:presenceInfo w15:providerId="AD" '
        f'w15:userId="S::{USER}@acme-logistics.example::1f2e"/></w15:person></w15:people>'
    )
    settings = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:settings {W} {R} xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
        '<w:attachedTemplate r:id="rId1"/><w:rsids>'
        '<w:rsidRoot w:val="00A1B2C3"/><w:rsid w:val="00A1B2C3"/></w:rsids>'
        f'<w15:docId w15:val="{ACCOUNT_ID}"/></w:settings>'
    )
    settings_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/attachedTemplate" Target="file:///C:\\Users\\'
        f'{USER}\\AppData\\Roaming\\Microsoft\\Templates\\Normal.dotm" TargetMode="External"/>'
        "</Relationships>"
    )
    document_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/settings" Target="settings.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}/comments" Target="comments.xml"/>'
        f'<Relationship Id="rId3" Type="{REL}/image" Target="media/image1.jpeg"/>'
        f'<Relationship Id="rId4" Type="{REL}/printerSettings" '
        'Target="printerSettings/printerSettings1.bin"/>'
        f'<Relationship Id="rId5" Type="{REL}/customXml" Target="../customXml/item1.xml"/>'
        + (
            f'<Relationship Id="rId6" Type="{REL}/oleObject" Target="embeddings/oleObject1.bin"/>'
            if ole_object
            else ""
        )
        + "</Relationships>"
    )
    types = {
        "word__document_xml": _OXML + "wordprocessingml.document.main+xml",
        "word__comments_xml": _OXML + "wordprocessingml.comments+xml",
        "word__commentsExtensible_xml": _OXML + "wordprocessingml.commentsExtensible+xml",
        "word__people_xml": _OXML + "wordprocessingml.people+xml",
        "word__settings_xml": _OXML + "wordprocessingml.settings+xml",
    }
    printer = (
        '<Override PartName="/word/printerSettings/printerSettings1.bin" ContentType='
        f'"{_OXML}wordprocessingml.printerSettings"/>'
    )
    parts = {
        "word/document.xml": document,
        "word/_rels/document.xml.rels": document_rels,
        "word/comments.xml": comments,
        "word/commentsExtensible.xml": extensible,
        "word/people.xml": people,
        "word/settings.xml": settings,
        "word/_rels/settings.xml.rels": settings_rels,
        "word/media/image1.jpeg": gps_jpeg(tmp_path / "media.jpg"),
        # A DEVMODE with the printer's share name, as Word stores it.
        "word/printerSettings/printerSettings1.bin": "\\\\PRN-OFICINA\\HP".encode("utf-16-le"),
        "customXml/item1.xml": f"<root><owner>{NAME}</owner></root>",
    }
    if ole_object:
        parts["word/embeddings/oleObject1.bin"] = (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + NAME.encode("utf-16-le") + b"\x00" * 64
        )
    return _ooxml(tmp_path, "word/document.xml", types, parts, extra_overrides=printer)


def xlsx(tmp_path):
    """A spreadsheet: x15ac:absPath under C:\\Users\\<name>, a threaded comment with its
    person (displayName, userId), a legacy comment author, a photo."""
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" '
        'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
        'xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10">'
        f'<xr:revisionPtr revIDLastSave="0" documentId="8_{ACCOUNT_ID}" '
        f'xr10:uidLastSave="{ACCOUNT_ID}"/>'
        '<mc:AlternateContent><mc:Choice Requires="x15"><x15ac:absPath '
        f'url="C:\\Users\\{USER}\\Documents\\"/></mc:Choice></mc:AlternateContent>'
        '<sheets><sheet name="Seizures" sheetId="1"/></sheets></workbook>'
    )
    threaded = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/'
        f'threadedcomments"><threadedComment ref="A1" dT="{DATE}" '
        'personId="{5D3C1A2B-0000-4000-8000-000000000001}" id="{1}"><text>ask the driver'
        "</text></threadedComment></ThreadedComments>"
    )
    persons = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/'
        f"threadedcomments\"><person displayName='{NAME}' "
        "id='{5D3C1A2B-0000-4000-8000-000000000001}' "
        f"userId='{USER}@acme-logistics.example' providerId='AD'/></personList>"
    )
    comments = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<authors><author>{NAME}</author></authors><commentList>"
        '<comment ref="A1" authorId="0"><text><t>ask the driver</t></text></comment>'
        "</commentList></comments>"
    )
    return _ooxml(
        tmp_path,
        "xl/workbook.xml",
        {
            "xl__workbook_xml": _OXML + "spreadsheetml.sheet.main+xml",
            "xl__threadedComments__threadedComment1_xml": (
                "application/vnd.ms-excel.threadedcomments+xml"
            ),
            "xl__persons__person_xml": "application/vnd.ms-excel.person+xml",
            "xl__comments1_xml": _OXML + "spreadsheetml.comments+xml",
        },
        {
            "xl/workbook.xml": workbook,
            "xl/threadedComments/threadedComment1.xml": threaded,
            "xl/persons/person.xml": persons,
            "xl/comments1.xml": comments,
            "xl/media/image1.jpeg": gps_jpeg(tmp_path / "xl.jpg"),
            # Legacy VML as Excel writes it for comment boxes: not well-formed (<br>).
            "xl/drawings/vmlDrawing1.vml": (
                '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-'
                'com:office:office"><v:shape o:spid="_x0000_s1025" '
                f'alt="C:\\Users\\{USER}\\note"><div>ask<br>the driver</div></v:shape></xml>'
            ),
        },
    )


def pptx(tmp_path):
    """A slide deck: comment authors with initials, a comment date, a photo."""
    authors = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<p:cmAuthorLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
        f'<p:cmAuthor id="0" name="{NAME}" initials="JP" lastIdx="1" clrIdx="0"/>'
        "</p:cmAuthorLst>"
    )
    comment = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<p:cmLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
        f'<p:cm authorId="0" dt="{DATE}" idx="1"><p:text>wrong town</p:text></p:cm>'
        "</p:cmLst>"
    )
    return _ooxml(
        tmp_path,
        "ppt/presentation.xml",
        {
            "ppt__presentation_xml": _OXML + "presentationml.presentation.main+xml",
            "ppt__commentAuthors_xml": _OXML + "presentationml.commentAuthors+xml",
            "ppt__comments__comment1_xml": _OXML + "presentationml.comments+xml",
        },
        {
            "ppt/presentation.xml": (
                '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/'
                '2006/main"/>'
            ),
            "ppt/commentAuthors.xml": authors,
            "ppt/comments/comment1.xml": comment,
            "ppt/media/image1.jpeg": gps_jpeg(tmp_path / "ppt.jpg"),
        },
    )


def odt(tmp_path):
    """An OpenDocument text: meta.xml, an annotation and a tracked change with creator and
    date, the printer in settings.xml, a thumbnail and a photo."""
    office = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ns = (
        f'{office} xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ns}>'
        "<office:body><office:text><text:tracked-changes><text:changed-region "
        'text:id="ct1"><text:insertion><office:change-info>'
        f"<dc:creator>{NAME}</dc:creator><dc:date>2024-05-01T09:35:00</dc:date>"
        "</office:change-info></text:insertion></text:changed-region></text:tracked-changes>"
        "<text:p>The shipment moves tonight.<office:annotation>"
        f"<dc:creator>{NAME}</dc:creator><meta:creator-initials>JP</meta:creator-initials>"
        "<dc:date>2024-05-01T09:35:00</dc:date><text:p>check</text:p></office:annotation>"
        "</text:p></office:text></office:body></office:document-content>"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {ns}><office:meta>'
        f"<meta:initial-creator>{NAME}</meta:initial-creator><dc:creator>{USER}</dc:creator>"
        "<meta:generator>Acme Office</meta:generator></office:meta></office:document-meta>"
    )
    settings = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-settings {office} '
        'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"><office:settings>'
        '<config:config-item-set config:name="ooo:configuration-settings">'
        '<config:config-item config:name="PrinterName" config:type="string">PRN-OFICINA'
        "</config:config-item></config:config-item-set></office:settings>"
        "</office:document-settings>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis'
        ':names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
        'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"'
        "/></manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("meta.xml", meta, zipfile.ZIP_DEFLATED)
        archive.writestr("settings.xml", settings, zipfile.ZIP_DEFLATED)
        archive.writestr("Thumbnails/thumbnail.jpg", gps_jpeg(tmp_path / "odt-thumb.jpg"))
        archive.writestr("Pictures/photo.jpg", gps_jpeg(tmp_path / "odt.jpg"))
    return out.getvalue()


# --- audio and video ------------------------------------------------------------------


def _ffmpeg(*args):
    run("ffmpeg", "-v", "error", "-nostdin", "-y", *args)


def _tags():
    return [
        "-metadata",
        f"artist={NAME}",
        "-metadata",
        "comment=recorded from the roof",
        "-metadata",
        "location=+31.7406-106.4869/",
        "-metadata",
        "make=Acme",
        "-metadata",
        "model=Phone X9",
    ]


# ffmpeg's generated inputs: a test picture and a tone.
VIDEO_IN = ("-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=1")


def _tone(frequency):
    return ("-f", "lavfi", "-i", f"sine=frequency={frequency}:duration=1")


def _cover(tmp_path, name):
    """A cover picture that still has its EXIF GPS; its path, for ffmpeg."""
    gps_jpeg(tmp_path / name)
    return str(tmp_path / name)


def _encode(tmp_path, name, *args):
    """The bytes of ``name``, written by ffmpeg from ``args`` with the identifying tags."""
    out = tmp_path / name
    _ffmpeg(*args, *_tags(), str(out))
    return out.read_bytes()


def mp3(tmp_path):
    """An MP3 with ID3 tags and a cover picture that still has its EXIF GPS."""
    return _encode(
        tmp_path,
        "song.mp3",
        *_tone(440),
        *("-i", _cover(tmp_path, "cover.jpg")),
        *("-map", "0", "-map", "1", "-c:a", "libmp3lame", "-c:v", "copy"),
        *("-id3v2_version", "3", "-disposition:v", "attached_pic"),
    )


def m4a(tmp_path):
    return _encode(
        tmp_path,
        "voice.m4a",
        *_tone(300),
        *("-i", _cover(tmp_path, "cover-m4a.jpg")),
        *("-map", "0", "-map", "1", "-c:a", "aac", "-c:v", "copy"),
        *("-disposition:v", "attached_pic"),
    )


def _h264_with_sei(tmp_path, name, *extra):
    """H.264 with a user-data SEI as dashcams write their GPS, next to x264's own SEI."""
    return _encode(
        tmp_path,
        name,
        *VIDEO_IN,
        *("-c:v", "libx264", "-pix_fmt", "yuv420p"),
        *("-bsf:v", f"h264_metadata=sei_user_data={SEI_UUID}+{SEI_TEXT}"),
        *extra,
    )


def mp4(tmp_path):
    return _h264_with_sei(tmp_path, "dashcam.mp4")


def mov(tmp_path):
    return _h264_with_sei(
        tmp_path,
        "phone.mov",
        "-movflags",
        "use_metadata_tags",
        "-metadata",
        "com.apple.quicktime.make=Acme",
        "-metadata",
        "com.apple.quicktime.location.ISO6709=+31.7406-106.4869/",
    )


def hevc(tmp_path):
    """HEVC from x265, which writes its version and settings into a user-data SEI."""
    return _encode(
        tmp_path,
        "hevc.mp4",
        *VIDEO_IN,
        *("-c:v", "libx265", "-pix_fmt", "yuv420p", "-tag:v", "hvc1"),
        *("-x265-params", "log-level=error"),
    )


def webm(tmp_path):
    """WebM (VP8 + Opus) with tags, as a browser's recorder or a messaging app writes it."""
    return _encode(
        tmp_path, "clip.webm", *VIDEO_IN, *_tone(300), *("-c:v", "libvpx", "-c:a", "libopus")
    )


def matroska(tmp_path):
    """Matroska (VP9 + Opus) with tags and an attached cover picture."""
    return _encode(
        tmp_path,
        "clip.mkv",
        *VIDEO_IN,
        *_tone(300),
        *("-c:v", "libvpx-vp9", "-c:a", "libopus"),
        *("-attach", _cover(tmp_path, "cover-webm.jpg"), "-metadata:s:t", "mimetype=image/jpeg"),
    )


CLEANABLE = {
    "photo.pdf": pdf_from_photo,
    "scan.pdf": scanned_pdf,
    "report.docx": docx,
    "ledger.xlsx": xlsx,
    "slides.pptx": pptx,
    "notes.odt": odt,
    "song.mp3": mp3,
    "voice.m4a": m4a,
    "dashcam.mp4": mp4,
    "phone.mov": mov,
    "hevc.mp4": hevc,
    "clip.webm": webm,
    "clip.mkv": matroska,
}
UNCLEANABLE = {
    "locked.pdf": locked_pdf,
    "with-object.docx": lambda tmp_path: docx(tmp_path, ole_object=True),
}
