"""Rebuild images from their pixels so that no metadata survives.

Pillow's plain re-save keeps JPEG comments, XMP packets and ICC profiles in several
formats; copying ``info`` carries EXIF (GPS included). This module never copies ``info``:
it applies the EXIF orientation, converts colour to sRGB when a profile is embedded, and
writes a brand-new image of the same pixels with no ancillary data at all.
"""

import io
from dataclasses import dataclass
from typing import IO

from PIL import ExifTags, Image, ImageCms, ImageOps, UnidentifiedImageError

try:  # HEIC/HEIF from phones; optional at import so a missing wheel only disables HEIC
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover
    pillow_heif = None  # type: ignore[assignment]

# Decompression bombs: Pillow only warns between MAX_IMAGE_PIXELS and twice that, so
# _open() refuses anything over the limit itself, before a pixel is decoded. 80 megapixels
# is above any phone's default resolution.
MAX_PIXELS = 80_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

OUTPUT_FORMATS = {
    "JPEG": "JPEG",
    "MPO": "JPEG",
    "PNG": "PNG",
    "GIF": "GIF",
    "WEBP": "WEBP",
    "HEIF": "JPEG",
    "AVIF": "JPEG",
    "TIFF": "PNG",
    "BMP": "PNG",
}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
MIME_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}


class NotAnImage(ValueError):
    """The bytes are not an image Pillow can decode safely."""


def _open(source: IO[bytes]) -> Image.Image:
    """Opens ``source`` lazily (header only) and refuses it if it has too many pixels."""
    image = Image.open(source)
    if image.width * image.height > MAX_PIXELS:
        raise NotAnImage(
            f"image too large: {image.width}x{image.height} pixels "
            f"(limit {MAX_PIXELS // 1_000_000} megapixels)"
        )
    return image


@dataclass
class CleanedImage:
    data: bytes
    format: str  # JPEG, PNG, GIF or WEBP

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.format]

    @property
    def content_type(self) -> str:
        return MIME_TYPES[self.format]


def _to_srgb(image: Image.Image) -> Image.Image:
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        target = ImageCms.createProfile("sRGB")
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        converted = ImageCms.profileToProfile(image, source, target, outputMode=mode)
        return converted if converted is not None else image
    except (ImageCms.PyCMSError, OSError):
        return image


def _fresh_copy(image: Image.Image) -> Image.Image:
    """A new image holding only the pixels (and palette) of ``image``."""
    if image.mode == "P":
        fresh = Image.frombytes("P", image.size, image.tobytes())
        fresh.putpalette(image.getpalette() or [])
        if "transparency" in image.info and isinstance(image.info["transparency"], int):
            fresh.info["transparency"] = image.info["transparency"]
        return fresh
    if image.mode not in ("1", "L", "LA", "RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    return Image.frombytes(image.mode, image.size, image.tobytes())


def clean_image(source: bytes | bytearray | IO[bytes], quality: int = 90) -> CleanedImage:
    """Return a :class:`CleanedImage` built from the pixels of ``source`` (a file object or
    bytes). Raises :class:`NotAnImage` for anything Pillow cannot decode."""
    if isinstance(source, (bytes, bytearray)):
        source = io.BytesIO(source)
    try:
        with _open(source) as original:
            in_format = (original.format or "").upper()
            out_format = OUTPUT_FORMATS.get(in_format)
            if out_format is None:
                raise NotAnImage(f"unsupported image format {in_format or 'unknown'}")
            if out_format == "GIF" and getattr(original, "n_frames", 1) > 1:
                return _clean_animated_gif(original)
            original.load()
            image = ImageOps.exif_transpose(original)
            image = _to_srgb(image)
            fresh = _fresh_copy(image)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError) as exc:
        raise NotAnImage(str(exc) or "not a readable image") from exc

    out = io.BytesIO()
    if out_format == "JPEG":
        if fresh.mode not in ("L", "RGB"):
            fresh = fresh.convert("RGB")
        fresh.save(out, "JPEG", quality=quality, optimize=True)
    elif out_format == "WEBP":
        fresh.save(out, "WEBP", quality=quality)
    elif out_format == "GIF":
        fresh.save(out, "GIF")
    else:
        fresh.save(out, "PNG", optimize=True)
    return CleanedImage(out.getvalue(), out_format)


def _clean_animated_gif(original: Image.Image) -> CleanedImage:
    n_frames: int = getattr(original, "n_frames", 1)
    if n_frames * original.width * original.height > MAX_PIXELS:
        raise NotAnImage(
            f"animation too large: {n_frames} frames of {original.width}x{original.height} pixels"
        )
    frames: list[Image.Image] = []
    durations: list[int] = []
    for index in range(n_frames):
        original.seek(index)
        frames.append(_fresh_copy(original.convert("RGBA")))
        durations.append(original.info.get("duration", 100))
    out = io.BytesIO()
    frames[0].save(
        out, "GIF", save_all=True, append_images=frames[1:], duration=durations, loop=0, disposal=2
    )
    return CleanedImage(out.getvalue(), "GIF")


# EXIF tags grouped by what they reveal (tag numbers from the EXIF 2.32 specification).
_EXIF_GROUPS = {
    "device": (0x010F, 0x0110, 0xA431, 0xA433, 0xA434),  # Make, Model, serials, lens
    "datetime": (0x0132, 0x9003, 0x9004),
    "software": (0x0131, 0x000B),
    "author": (0x013B, 0x8298, 0x9C9D),  # Artist, Copyright, XPAuthor
    "title": (0x010E, 0x9C9B, 0x9C9F),
}


def inspect_image(source: bytes | bytearray | IO[bytes]) -> set[str]:
    """The set of finding codes (see ``findings``) for an image. Raises NotAnImage."""
    if isinstance(source, (bytes, bytearray)):
        source = io.BytesIO(source)
    found: set[str] = set()
    try:
        with _open(source) as image:
            exif = image.getexif()
            if exif.get_ifd(ExifTags.IFD.GPSInfo):
                found.add("gps")
            merged = dict(exif)
            merged.update(exif.get_ifd(ExifTags.IFD.Exif))
            for code, tags in _EXIF_GROUPS.items():
                if any(tag in merged for tag in tags):
                    found.add(code)
            if exif and not found:
                found.add("other")
            info = image.info
            if "xmp" in info or "XML:com.adobe.xmp" in info:
                found.add("xmp")
            if "photoshop" in info or "iptc" in info:
                found.add("iptc")
            if info.get("icc_profile"):
                found.add("icc")
            if info.get("comment"):
                found.add("text_comment")
            if exif.get_ifd(ExifTags.IFD.IFD1):
                found.add("thumbnail")
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError) as exc:
        raise NotAnImage(str(exc) or "not a readable image") from exc
    return found
