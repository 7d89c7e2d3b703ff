"""Small files that are huge once opened: image and zip decompression bombs, and
polyglots. Built by hand so that making them costs nothing."""

import io
import struct
import zipfile
import zlib


def _png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_bomb(width=60_000, height=60_000):
    """A valid PNG header declaring width x height 8-bit grey pixels, all zero: a few KB
    on the wire, 3.6 GB once decoded (60000 x 60000)."""
    row = b"\x00" + b"\x00" * width  # filter byte + pixels
    compressor = zlib.compressobj(9)
    # A few hundred rows are enough for the header-level checks; decoders that trust the
    # header would still allocate the full size.
    idat = compressor.compress(row * 200) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )


def bilevel_png(width, height):
    """A real, complete 1-bit PNG: cheap to build and to decode (width*height/8 bytes)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG")
    return out.getvalue()


def office_zip_bomb(inflated_mb=120):
    """An Office Open XML package whose document part inflates to ``inflated_mb`` MB of
    XML (about 1000:1, the deflate limit)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"/>',
        )
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            block = b" " * (1 << 20)
            part.write(b"<w:document>")
            for _ in range(inflated_mb):
                part.write(block)
            part.write(b"</w:document>")
    return out.getvalue()


def nested_zip_bomb(levels=4):
    """A plain zip inside a zip inside a zip..., each holding a 10 MB file of zeros."""
    inner = b"\x00" * (10 << 20)
    name = "zeros.bin"
    for level in range(levels):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            archive.writestr(name, inner)
        inner, name = out.getvalue(), f"level{level}.zip"
    return inner


def png_with_script(script=b"<script>alert(document.domain)</script>"):
    """A valid PNG with an HTML payload appended and in a text chunk (a polyglot)."""
    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", script.decode())
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 0, 0)).save(out, "PNG", pnginfo=info)
    return out.getvalue() + b"<html>" + script + b"</html>"


def gif_js_polyglot():
    """'GIF89a' that is also a JavaScript statement, then a tiny valid GIF body."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("P", (1, 1)).save(out, "GIF")
    gif = out.getvalue()
    return gif[:6] + b"/*" + gif[8:] + b"*/=alert(1);"


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" '
    b'height="10"><script>alert(document.cookie)</script>'
    b'<rect width="10" height="10" onload="alert(1)"/></svg>'
)
