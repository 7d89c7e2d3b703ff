"""Test images that carry every kind of metadata a phone or camera leaves behind."""

import io
import shutil
import subprocess

from PIL import Image, ImageCms

SECRET = "CRONICA-SECRET-MARKER"


def jpeg_with_metadata(path, orientation=6, size=(64, 32)):
    """Writes a JPEG with EXIF (camera, GPS, orientation), XMP, an ICC profile, a JPEG
    comment and IPTC (through exiftool), every text field holding ``SECRET``."""
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker " + SECRET  # Make
    exif[0x0110] = "PhoneModel " + SECRET  # Model
    exif[0x0112] = orientation  # Orientation: 6 = rotate 90 CW to display
    exif[0x013B] = "Artist " + SECRET
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (19.0, 25.0, 57.0)
    gps[3] = "W"
    gps[4] = (99.0, 7.0, 58.0)
    xmp = (
        f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/'
        f'02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"'
        f' dc:creator="{SECRET}"/></rdf:RDF></x:xmpmeta>'
    ).encode()
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(path, "JPEG", exif=exif, xmp=xmp, icc_profile=icc, comment=SECRET.encode())
    if shutil.which("exiftool"):
        subprocess.run(
            [
                "exiftool",
                "-q",
                "-overwrite_original",
                f"-IPTC:Keywords={SECRET}",
                f"-IPTC:By-line={SECRET}",
                str(path),
            ],
            check=True,
        )
    return path


def exiftool_tags(path_or_bytes, tmp_path=None):
    """All tags exiftool finds, as {group:tag: value}."""
    import json

    if isinstance(path_or_bytes, (bytes, bytearray)):
        target = tmp_path / "probe.bin"
        target.write_bytes(path_or_bytes)
        path_or_bytes = target
    out = subprocess.run(
        ["exiftool", "-j", "-G1", "-a", "-u", str(path_or_bytes)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)[0]


def metadata_groups(tags):
    """The metadata groups present, ignoring what describes the file itself."""
    harmless = {"ExifTool", "System", "File", "JFIF", "Composite", "PNG", "GIF", "RIFF"}
    return {key.split(":")[0] for key in tags if ":" in key} - harmless


def jpeg_bytes(path):
    return open(path, "rb").read()


def pixel(data, xy):
    return Image.open(io.BytesIO(data)).convert("RGB").getpixel(xy)
